package org.senderguard.adapters.persistence;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Starts just the persistence adapter on a database, with the schema migrated as at start-up. */
final class PersistenceContext {

    private PersistenceContext() {
    }

    static ApplicationContext start(DatabaseSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.toProperties());
        properties.put("datasources.default.dialect", "MYSQL");
        properties.put("flyway.datasources.default.enabled", true);
        // The tests run housekeeping at the instants they choose, on rows stored at those instants.
        properties.put("senderguard.housekeeping.initial-delay", "24h");
        ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties)
                .build();
        context.registerSingleton(Clock.class, Clock.systemUTC());
        return context.start();
    }
}
