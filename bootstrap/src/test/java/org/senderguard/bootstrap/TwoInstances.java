package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.senderguard.adapters.persistence.MariaDbTestDatabase;

/** Two instances of the application on one fresh MariaDB database, as two servers of one deployment. */
final class TwoInstances implements AutoCloseable {

    final ApplicationContext first;
    final ApplicationContext second;
    private final MariaDbTestDatabase database;

    private final Map<String, Object> settings;

    private TwoInstances(MariaDbTestDatabase database, boolean serving, Map<String, Object> settings) {
        this.database = database;
        this.settings = settings;
        this.first = instance(serving);
        this.second = instance(serving);
    }

    /** {@code serving}: each also runs its HTTP server, and with it what follows a server's start. */
    static TwoInstances start(boolean serving) {
        return start(serving, Map.of());
    }

    /** @param settings beside the database's, for both */
    static TwoInstances start(boolean serving, Map<String, Object> settings) {
        return new TwoInstances(MariaDbTestDatabase.create(), serving, settings);
    }

    private ApplicationContext instance(boolean serving) {
        ApplicationContext context = OwnApplication.start(database.settings(), settings);
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
