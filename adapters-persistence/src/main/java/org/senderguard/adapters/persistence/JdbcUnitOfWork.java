package org.senderguard.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.function.Supplier;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.common.ConflictException;

@Singleton
class JdbcUnitOfWork implements UnitOfWork {

    private final TransactionOperations<Connection> transactions;

    JdbcUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Application code checks for clashes before writing, but a concurrent transaction can still
     * win the race; the database's unique keys then decide, and the loser is told it conflicted.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (DataAccessException e) {
            if (hasCause(e, SQLIntegrityConstraintViolationException.class)) {
                throw new ConflictException("conflict", "the change clashes with a concurrent change; try again");
            }
            throw e;
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
