package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.senderguard.adapters.persistence.MariaDbTestDatabase;

/** Two instances of the application on one fresh MariaDB database, as two servers of one deployment. */
final class TwoInstances implements AutoCloseable {

    final ApplicationContext first;
    final ApplicationContext second;
    private final MariaDbTestDatabase database;

    private TwoInstances(MariaDbTestDatabase database, boolean serving) {
        this.database = database;
        this.first = instance(serving);
        this.second = instance(serving);
    }

    /** {@code serving}: each also runs its HTTP server, and with it what follows a server's start. */
    static TwoInstances start(boolean serving) {
        return new TwoInstances(MariaDbTestDatabase.create(), serving);
    }

    private ApplicationContext instance(boolean serving) {
        Map<String, Object> properties = new HashMap<>(database.settings().toProperties());
        properties.putAll(TestDns.settings());
        properties.put("micronaut.server.port", -1);
        ApplicationContext context = ApplicationContext.builder(Senderguard.class).deduceEnvironment(false)
                .environments("test").properties(properties).start();
        if (serving) {
            context.getBean(EmbeddedServer.class).start();
        }
        return context;
    }

    @Override
    public void close() {
        first.close();
        second.close();
        database.close();
    }
}
