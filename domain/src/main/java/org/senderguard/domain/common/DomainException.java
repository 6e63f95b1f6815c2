package org.senderguard.domain.common;

/**
 * A rule of the domain refused a request. Adapters turn it into a client error (HTTP 4xx, CLI
 * exit 2); {@link #type()} is the short, stable slug clients can rely on.
 */
public abstract class DomainException extends RuntimeException {

    /** Messages echo what was typed; they are shown on one line, so what could break it is escaped. */
    protected DomainException(String message) {
        super(FreeText.escaped(message));
    }

    /** A short slug naming the kind of problem, e.g. {@code invalid-value}. */
    public abstract String type();
}
