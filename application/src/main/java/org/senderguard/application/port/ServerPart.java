package org.senderguard.application.port;

/**
 * Something that runs for as long as the server runs, beside it: a listener of another protocol
 * (the Postfix policy server), a follower of other instances' changes, a periodic report. A
 * server starts every part once its HTTP API is up and stops them, last started first, as it
 * stops; CLI commands start none. Adapters contribute parts; the bootstrap runs them.
 */
public interface ServerPart {

    /** What the part is, for the log and for errors: {@code "the Postfix policy server on 127.0.0.1:10040"}. */
    String describe();

    /**
     * Starts the part. Throws when it cannot (an address in use, say): the server does not run
     * without a part it was configured with.
     */
    void start();

    /** Stops the part and releases what it holds; called once, after {@link #start()} succeeded. */
    void stop();
}
