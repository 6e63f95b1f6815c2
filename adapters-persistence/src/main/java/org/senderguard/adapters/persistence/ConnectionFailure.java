package org.senderguard.adapters.persistence;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/**
 * Tells a failure to reach the database (no connection within the wait, refused, reset, a read that
 * timed out, a connection the pool had to close) from a failure of the statement itself (a
 * constraint, a deadlock, bad SQL).
 */
final class ConnectionFailure {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";
    /** MariaDB's "Lock wait timeout exceeded", H2's "Timeout trying to lock table". */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int H2_LOCK_TIMEOUT = 50200;

    private ConnectionFailure() {
    }

    static boolean isIn(Throwable failure) {
        return anyCause(failure, t -> t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith(CONNECTION_EXCEPTION));
    }

    /** Whether the failure was a wait that ran out: for a connection from the pool, or for an answer on one. */
    static boolean isTimeout(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLTransientConnectionException || t instanceof SQLTimeoutException
                || t instanceof SocketTimeoutException);
    }

    /**
     * Whether the failure was an answer that did not come in time on a connection the database had
     * taken: not a wait for a connection from the pool, nor for one to be made (the pool's failure
     * carries the driver's connect timeout as its cause).
     */
    static boolean isReadTimeout(Throwable failure) {
        return anyCause(failure, SocketTimeoutException.class::isInstance)
                && !anyCause(failure, SQLTransientConnectionException.class::isInstance);
    }

    /** Whether a statement waited for a row lock past the wait and the database ended it. */
    static boolean isLockWaitTimeout(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql && (sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT
                || sql.getErrorCode() == H2_LOCK_TIMEOUT));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** What the driver or the pool said, without class names: for the log. */
    static String describe(Throwable failure) {
        String said = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                said = t.getMessage();
            }
        }
        return said != null ? said : String.valueOf(failure.getMessage());
    }
}
