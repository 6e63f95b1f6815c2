package org.senderguard.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final DatabaseAvailability availability;
    private final DatabaseMeter meter;

    /** @param meter absent where no meters are wired (this module's own tests) */
    JdbcUnitOfWork(TransactionOperations<Connection> transactions, DatabaseAvailability availability,
                   @Nullable DatabaseMeter meter) {
        this.transactions = transactions;
        this.availability = availability;
        this.meter = meter == null ? DatabaseMeter.NONE : meter;
    }

    /**
     * Application code checks for clashes before writing, but a concurrent transaction can still
     * win the race; the database's unique keys then decide, and the loser is told it conflicted.
     * A transaction the database chose as a deadlock victim was rolled back whole, so it is run
     * again, a few times. A database that cannot be reached fails the work with
     * {@link org.senderguard.application.port.DatabaseUnavailableException}.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return availability.call(() -> retryingDeadlocks(work));
    }

    private <T> T retryingDeadlocks(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (DataAccessException e) {
                if (isIntegrityViolation(e)) {
                    meter.failed(DatabaseMeter.Failure.CONFLICT);
                    throw new ConflictException("conflict", "the change clashes with a concurrent change; try again");
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
