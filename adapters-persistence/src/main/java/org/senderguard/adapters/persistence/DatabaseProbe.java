package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import io.micronaut.data.connection.ConnectionOperations;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Asks the database every second whether it answers, so that a running server notices an outage
 * and its end even without traffic, requests are refused at once while it is away, and /health
 * can answer from {@link DatabaseAvailability} at once instead of waiting on the database. CLI
 * commands are too short-lived to need it.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class DatabaseProbe {

    private static final int VALID_WITHIN_SECONDS = 1;

    private final ConnectionOperations<Connection> connections;
    private final DatabaseAvailability availability;

    DatabaseProbe(ConnectionOperations<Connection> connections, DatabaseAvailability availability) {
        this.connections = connections;
        this.availability = availability;
        availability.probedInBackground();
    }

    @Scheduled(fixedDelay = "1s", initialDelay = "1s")
    void check() {
        try {
            if (connections.executeRead(status -> isValid(status.getConnection()))) {
                availability.answered();
            } else {
                availability.unreachable(new SQLException("no answer within " + VALID_WITHIN_SECONDS + " s"));
            }
        } catch (RuntimeException e) {
            availability.unreachable(e);
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
