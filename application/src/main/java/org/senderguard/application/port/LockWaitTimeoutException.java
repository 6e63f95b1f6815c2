package org.senderguard.application.port;

/**
 * A row the work needed stayed locked by another transaction (another instance, an operator's
 * session) past the wait: the database answers, and only the work that needed that row failed.
 * Work done in batches is tried again item by item, so that only the items that need the row fail.
 */
public class LockWaitTimeoutException extends DatabaseUnavailableException {

    public LockWaitTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
