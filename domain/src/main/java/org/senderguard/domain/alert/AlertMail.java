package org.senderguard.domain.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an alert's mail stands. A relay that cannot take it now is asked again after a pause that
 * doubles from a minute up to an hour, for a day after the alert was raised; a relay that refuses
 * every recipient's address for good is not asked again.
 *
 * @param attempts how many times the relay was asked so far
 */
public record AlertMail(State state, int attempts) {

    public enum State {
        /** Nothing to send: the alert has no recipients, no relay is configured, or it was raised before mail was tracked. */
        NONE,
        /** Not sent yet: to be sent, or to be sent again after a failure. */
        PENDING,
        /** The relay took it for at least one recipient. */
        SENT,
        /** Given up: the relay refused every recipient's address, or could not take it for a day. */
        FAILED
    }

    static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    static final Duration TRIED_FOR = Duration.ofDays(1);

    public AlertMail {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A new alert's mail: pending when it has someone to tell. */
    static AlertMail forNew(boolean hasRecipients) {
        return new AlertMail(hasRecipients ? State.PENDING : State.NONE, 0);
    }

    /**
     * When to ask the relay again after {@code attempts} failed, or empty when the alert raised at
     * {@code raisedAt} has been tried for long enough.
     */
    public static Optional<Instant> retryAt(Instant raisedAt, int attempts, Instant now) {
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.max(0, Math.min(attempts - 1, 10)));
        Instant next = now.plus(pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause);
        return next.isAfter(raisedAt.plus(TRIED_FOR)) ? Optional.empty() : Optional.of(next);
    }
}
