package org.senderguard.adapters.persistence;

import io.micronaut.data.connection.exceptions.ConnectionException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach the database (no connection within the wait, refused, reset, a read that
 * timed out, a connection the pool had to close) from a failure of the statement itself (a
 * constraint, a deadlock, bad SQL).
 */
final class ConnectionFailure {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION = "08";

    private ConnectionFailure() {
    }

    static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof SocketException
                    || t instanceof SocketTimeoutException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure was a wait that ran out: for a connection from the pool, or for an answer on one. */
    static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLTimeoutException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure was an answer that did not come in time on a connection (not a wait for one). */
    static boolean isReadTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
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
