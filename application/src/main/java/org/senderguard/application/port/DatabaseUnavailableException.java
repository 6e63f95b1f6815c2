package org.senderguard.application.port;

/**
 * The database cannot be reached, or did not answer within the configured wait: the request could
 * not be carried out, or whether its changes were committed is unknown. Adapters tell the caller to
 * try again shortly; a repeated mail-flow message gets the decision that was recorded for it, if any.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message);
    }

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
