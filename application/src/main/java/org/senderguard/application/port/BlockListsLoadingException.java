package org.senderguard.application.port;

/**
 * The server is still loading its block lists and mail flow cannot be answered from part of them:
 * like an unavailable database, the caller is told to try again shortly.
 */
public class BlockListsLoadingException extends DatabaseUnavailableException {

    public BlockListsLoadingException(String message) {
        super(message);
    }
}
