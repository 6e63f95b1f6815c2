package org.senderguard.domain.common;

import java.time.Duration;

/** A caller asked more often than a limit allows; {@link #retryAfter()} says when it may ask again. */
public final class TooManyRequestsException extends DomainException {

    private final Duration retryAfter;

    public TooManyRequestsException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public String type() {
        return "rate-limited";
    }
}
