package org.senderguard.application.port.out;

/**
 * Observes the database's failures and the retries they cause. Does nothing unless implemented
 * ({@link #NONE}).
 */
public interface DatabaseMeter {

    DatabaseMeter NONE = new DatabaseMeter() {
    };

    enum Failure {
        /** A transaction chosen as a deadlock victim (retried, see {@link #retried}). */
        DEADLOCK,
        /** A unique key refused a write that a concurrent transaction made first. */
        CONFLICT,
        /** No connection, or no answer on one, within the configured wait. */
        TIMEOUT,
        /** The database could not be reached, or a connection broke. */
        CONNECTION,
        /** Refused at once, without asking the database, while it is known to be away. */
        REFUSED_WHILE_AWAY
    }

    default void failed(Failure failure) {
    }

    /** Work that failed this way is being run again. */
    default void retried(Failure failure) {
    }
}
