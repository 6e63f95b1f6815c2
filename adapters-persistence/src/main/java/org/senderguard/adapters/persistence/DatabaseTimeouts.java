package org.senderguard.adapters.persistence;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;

/**
 * How long the server waits for the database ({@code SENDERGUARD_DB_TIMEOUT}, default 3 s): for a
 * connection from the pool and, on MariaDB, for each answer on a connection, so that a frozen
 * database cannot hold a request (or a pool connection) longer than that; a wait for a row lock
 * ends sooner, on the server. CLI commands keep the pool's own wait for a connection and wait ten
 * times as long for an answer ({@link #CLI_FACTOR}), so that a frozen database fails a command
 * rather than hanging it; an import lifts the read timeout for its own long statements (see
 * {@code JdbcBlockListStore}), and schema migrations run on a connection without one
 * ({@link MariaDbMigrations}).
 */
@Singleton
public class DatabaseTimeouts implements BeanCreatedEventListener<DatasourceConfiguration> {

    /** The setting, with its default, for whatever else waits on the database. */
    public static final String TIMEOUT = "${senderguard.db.timeout:3s}";

    /** How many times the timeout a CLI command waits for an answer: 30 s by default. */
    static final int CLI_FACTOR = 10;

    /** Hikari's least validation timeout. */
    private static final long LEAST_VALIDATION_MILLIS = 250;

    private final Duration timeout;
    private final boolean cli;

    DatabaseTimeouts(@Value(TIMEOUT) Duration timeout, Environment environment) {
        if (timeout.toMillis() < LEAST_VALIDATION_MILLIS) {
            // Hikari would quietly replace a shorter connection timeout with its default of 30 s.
            throw new IllegalArgumentException("SENDERGUARD_DB_TIMEOUT must be at least " + LEAST_VALIDATION_MILLIS
                    + "ms, not " + timeout.toMillis() + "ms");
        }
        this.timeout = timeout;
        this.cli = environment.getActiveNames().contains(Environment.CLI);
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration pool = event.getBean();
        long millis = timeout.toMillis();
        if (!cli) {
            pool.setConnectionTimeout(millis);
            pool.setValidationTimeout(Math.max(LEAST_VALIDATION_MILLIS, millis / 2));
        }
        long readMillis = cli ? millis * CLI_FACTOR : millis;
        if (DatabaseSettings.isMariaDb(pool.getUrl())) {
            Properties driver = pool.getDataSourceProperties();
            driver.setProperty("connectTimeout", Long.toString(millis));
            driver.setProperty("socketTimeout", Long.toString(readMillis));
            // A statement waiting for a row lock ends on the server before the read timeout gives
            // up on it: else it would wait on (InnoDB: 50 s), holding the rows it had locked.
            // Whole seconds only, at least one.
            driver.setProperty("sessionVariables", "innodb_lock_wait_timeout=" + Math.max(1, (readMillis - 1) / 1000));
        } else if (!cli) {
            pool.setConnectionInitSql("SET LOCK_TIMEOUT " + Math.max(LEAST_VALIDATION_MILLIS, millis * 2 / 3));
        }
        return pool;
    }
}
