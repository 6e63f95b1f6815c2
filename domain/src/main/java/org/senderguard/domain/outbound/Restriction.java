package org.senderguard.domain.outbound;

import java.time.Instant;
import java.util.Objects;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.UtcDay;

/**
 * Why and since when a user may not send, and until when ({@code until} null: until an admin or
 * Support unblocks them).
 */
public record Restriction(Limit limit, String reason, ThresholdAction action, Instant since, Instant until) {

    public Restriction {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(since, "since");
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a restriction needs a reason");
        }
        reason = reason.strip();
    }

    /** A limit was reached under a blocking action: {@code BLOCK_USER_FOR_TODAY} lifts at 00:00 UTC. */
    public static Restriction forLimit(Limit limit, int limitValue, ThresholdAction action, Instant now) {
        if (action == ThresholdAction.ALERT) {
            throw new IllegalArgumentException("ALERT does not restrict");
        }
        return new Restriction(limit, limit.describe(limitValue), action, now,
                action == ThresholdAction.BLOCK_USER_FOR_TODAY ? UtcDay.nextMidnight(now) : null);
    }

    /** Support restricts a user by hand, until someone unblocks them. */
    public static Restriction manual(String reason, Instant now) {
        return new Restriction(Limit.MANUAL, reason, ThresholdAction.BLOCK_USER, now, null);
    }

    /** Lifts by itself at {@code until}: no clean-up job is needed for it to stop applying. */
    public boolean isActiveAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    /** As the audit log shows it. */
    public String describe() {
        return limit + " (" + action + ") since " + since + (until == null ? "" : " until " + until) + ": " + reason;
    }
}
