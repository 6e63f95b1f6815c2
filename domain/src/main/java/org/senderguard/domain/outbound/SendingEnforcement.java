package org.senderguard.domain.outbound;

import java.time.Instant;
import java.util.Optional;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.common.UtcDay;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;

/**
 * The outbound rule for one message of a sender of an accepted domain: a restricted sender is
 * rejected and not counted; otherwise the policy's limits decide, and the message that would take
 * the sender past a limit is the one that trips it.
 */
public final class SendingEnforcement {

    /** The decision, the sender's new status, whether the message counts, and the alert to raise. */
    public record Outcome(Decision decision, SenderStatus status, boolean counted, Optional<AlertKind> alert,
                          String alertDetail) {
    }

    private SendingEnforcement() {
    }

    /** The rejection of a sender restricted at {@code now}: all its mail is refused, none counted. */
    public static Optional<Decision> restriction(SenderStatus status, Instant now) {
        return status.restrictionAt(now).map(r -> Rejections.restrictedSender(status.address(), r.reason()));
    }

    /** A message whose verdict is known: spam goes through the high-risk pool. */
    public static Outcome decide(SenderStatus status, OutboundSpamPolicy policy, SendingUsage usage,
                                 MessageWeight message, Instant now) {
        return decide(status, policy, usage, message, message.spam() > 0, now);
    }

    /** @param highRisk whether a delivered message goes through the high-risk pool ({@link HighRiskPool}) */
    public static Outcome decide(SenderStatus status, OutboundSpamPolicy policy, SendingUsage usage,
                                 MessageWeight message, boolean highRisk, Instant now) {
        Optional<Decision> restricted = restriction(status, now);
        if (restricted.isPresent()) {
            return new Outcome(restricted.get(), status, false, Optional.empty(), null);
        }
        Optional<Limit> exceeded = policy.limits().exceededBy(usage, message);
        if (exceeded.isEmpty()) {
            return new Outcome(Decision.deliver(highRisk), status, true, Optional.empty(), null);
        }
        Limit limit = exceeded.get();
        String reason = limit.describe(policy.limits().valueOf(limit));
        if (policy.action() == ThresholdAction.ALERT || status.inGraceAt(now)) {
            boolean alertDue = policy.action() == ThresholdAction.ALERT && status.limitAlertDueOn(UtcDay.of(now));
            return new Outcome(Decision.deliver(highRisk),
                    alertDue ? status.limitAlertRaisedOn(UtcDay.of(now)) : status, true,
                    alertDue ? Optional.of(AlertKind.SENDING_LIMIT_EXCEEDED) : Optional.empty(),
                    alertDue ? status.address() + " sent " + reason + " (policy '" + policy.name() + "')" : null);
        }
        Restriction restriction = Restriction.forLimit(limit, policy.limits().valueOf(limit), policy.action(), now);
        return new Outcome(Rejections.restrictedSender(status.address(), restriction.reason()),
                status.restrictedBy(restriction), false, Optional.of(AlertKind.USER_RESTRICTED),
                status.address() + " was restricted from sending email: " + reason + " (policy '" + policy.name()
                        + "', action " + policy.action() + ")");
    }
}
