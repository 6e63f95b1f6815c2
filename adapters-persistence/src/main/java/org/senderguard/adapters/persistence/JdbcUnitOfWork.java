package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.senderguard.application.port.out.DatabaseMeter;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.common.ConflictException;

@Singleton
class JdbcUnitOfWork implements UnitOfWork {

    private static final String INTEGRITY_VIOLATION = "23";
    private static final String DEADLOCK = "40001";
    private static final int ATTEMPTS = 3;

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final DatabaseAvailability availability;
    private final DatabaseMeter meter;
    /** Whether transactions are begun and ended with statements (MariaDB), see {@link #explicitly}. */
    private final boolean explicit;
    /** Whether this thread is in an explicit transaction, which work run within it joins. */
    private final ThreadLocal<Boolean> inExplicit = ThreadLocal.withInitial(() -> false);

    /** @param meter absent where no meters are wired (this module's own tests) */
    JdbcUnitOfWork(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections,
                   DatabaseAvailability availability, @Property(name = "datasources.default.url") String url,
                   @Nullable DatabaseMeter meter) {
        this.transactions = transactions;
        this.connections = connections;
        this.availability = availability;
        this.meter = meter == null ? DatabaseMeter.NONE : meter;
        this.explicit = DatabaseSettings.isMariaDb(url);
    }

    /**
     * Application code checks for clashes before writing, but a concurrent transaction can still
     * win the race; the database's unique keys then decide, and the loser is told it conflicted.
     * A transaction the database chose as a deadlock victim was rolled back whole, so it is run
     * again, a few times. A database that cannot be reached fails the work with
     * {@link org.senderguard.application.port.DatabaseUnavailableException}. Work within a unit of
     * work joins it: a deadlock fails the whole, which the outer unit of work runs again.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inExplicit.get()) {
            return work.get();
        }
        return availability.call(() -> retryingDeadlocks(work));
    }

    private <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return explicit ? explicitly(work) : transactions.executeWrite(status -> work.get());
            } catch (DataAccessException e) {
                if (isIntegrityViolation(e)) {
                    meter.failed(DatabaseMeter.Failure.CONFLICT);
                    throw new ConflictException(ConflictException.CONCURRENT_CHANGE, "the change clashes with a concurrent change; try again");
                }
                if (!hasSqlState(e, DEADLOCK)) {
                    throw e;
                }
                meter.failed(DatabaseMeter.Failure.DEADLOCK);
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                meter.retried(DatabaseMeter.Failure.DEADLOCK);
            }
        }
    }

    /**
     * A transaction begun with {@code START TRANSACTION} and ended with {@code COMMIT} (or
     * {@code ROLLBACK}) on a connection that stays in auto-commit mode. The framework's transaction
     * manager switches auto-commit off and on again instead: on MariaDB two round trips where this
     * takes one, so that a batch of outbound decisions sends six statements instead of seven.
     */
    private <T> T explicitly(Supplier<T> work) {
        return connections.executeWrite(status -> {
            Connection connection = status.getConnection();
            execute(connection, "START TRANSACTION");
            inExplicit.set(true);
            try {
                T result = work.get();
                execute(connection, "COMMIT");
                return result;
            } catch (RuntimeException | Error e) {
                rollBack(connection, e);
                throw e;
            } finally {
                inExplicit.set(false);
            }
        });
    }

    /**
     * A connection that cannot roll back has lost its session (the driver then closes it, and the
     * pool drops it), which ends the transaction as well.
     */
    private static void rollBack(Connection connection, Throwable failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (DataAccessException e) {
            failure.addSuppressed(e);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DataAccessException(sql + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isIntegrityViolation(Throwable e) {
        return hasSqlState(e, INTEGRITY_VIOLATION);
    }

    /** The SQLSTATE (or its class) anywhere in the chain; batch failures keep it in the next exception. */
    private static boolean hasSqlState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        return false;
    }
}
