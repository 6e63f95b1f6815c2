package org.senderguard.domain.outbound;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * A tenant's outbound spam policy: its limits, what happens when one is reached, who is told, and
 * which senders it covers. The default policy covers everyone at the lowest priority and cannot be
 * deleted; custom policies select senders and are ordered by priority (0 first).
 */
public record OutboundSpamPolicy(PolicyId id, TenantId tenantId, String name, int priority, boolean enabled,
                                 boolean isDefault, SendingLimits limits, ThresholdAction action,
                                 List<EmailAddress> notifyRecipients, SenderConditions conditions) {

    public static final int MAX_PRIORITY = 1000;
    public static final int MAX_NAME = 128;
    static final int DEFAULT_POLICY_PRIORITY = Integer.MAX_VALUE;

    public OutboundSpamPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new InvalidValueException("name", "a policy needs a name of 1-" + MAX_NAME + " characters");
        }
        name = name.strip();
        Objects.requireNonNull(limits, "limits");
        if (action == null) {
            throw new InvalidValueException("actionWhenThresholdReached",
                    "must be one of ALERT, BLOCK_USER_FOR_TODAY, BLOCK_USER");
        }
        notifyRecipients = List.copyOf(notifyRecipients == null ? List.of() : notifyRecipients);
        Objects.requireNonNull(conditions, "conditions");
        if (isDefault) {
            if (!enabled || priority != DEFAULT_POLICY_PRIORITY || conditions.selectsSenders()
                    || !conditions.excludedSenders().isEmpty()) {
                throw new InvalidValueException("default", "the default policy is always enabled, has the lowest "
                        + "priority and applies to every sender");
            }
        } else {
            if (priority < 0 || priority > MAX_PRIORITY) {
                throw new InvalidValueException("priority", "must be between 0 and " + MAX_PRIORITY + ", was " + priority);
            }
            if (!conditions.selectsSenders()) {
                throw new InvalidValueException("senders", "a custom policy must name senders or senderDomains "
                        + "(the default policy covers everyone else)");
            }
        }
    }

    public static OutboundSpamPolicy defaultFor(TenantId tenantId) {
        return new OutboundSpamPolicy(PolicyId.newId(), tenantId, "Default", DEFAULT_POLICY_PRIORITY, true, true,
                SendingLimits.DEFAULTS, ThresholdAction.BLOCK_USER_FOR_TODAY, List.of(), SenderConditions.EVERYONE);
    }

    public static OutboundSpamPolicy custom(TenantId tenantId, PolicySettings settings) {
        return new OutboundSpamPolicy(PolicyId.newId(), tenantId, settings.name(), settings.priority(),
                settings.enabled(), false, settings.limits(), settings.action(), settings.notifyRecipients(),
                settings.conditions());
    }

    /**
     * The same policy with new settings; identity, tenant and default-ness stay. The default policy
     * keeps applying to everyone, always enabled, last.
     */
    public OutboundSpamPolicy changedTo(PolicySettings changes) {
        if (isDefault) {
            refuseForTheDefault(changes);
            return new OutboundSpamPolicy(id, tenantId, changes.name(), priority, true, true, changes.limits(),
                    changes.action(), changes.notifyRecipients(), conditions);
        }
        return new OutboundSpamPolicy(id, tenantId, changes.name(), changes.priority(), changes.enabled(), false,
                changes.limits(), changes.action(), changes.notifyRecipients(), changes.conditions());
    }

    /**
     * What would change whom the default policy applies to is refused rather than dropped. A priority
     * is not: the default comes last whatever it is given, and a client that PUTs the whole policy
     * back may well send one.
     */
    private static void refuseForTheDefault(PolicySettings changes) {
        if (changes.conditions().selectsSenders() || !changes.conditions().excludedSenders().isEmpty()) {
            throw new InvalidValueException("senders", "the default policy applies to every sender; create a custom "
                    + "policy for some senders instead");
        }
        if (!changes.enabled()) {
            throw new InvalidValueException("enabled", "the default policy is always enabled; change its limits "
                    + "instead");
        }
    }


    public boolean appliesTo(EmailAddress sender) {
        return enabled && conditions.matches(sender);
    }

    /** As the audit log shows it: every setting, the service defaults that 0 stands for resolved. */
    public String describe() {
        return "'" + name + "'" + (isDefault ? " (default)" : " priority " + priority + (enabled ? "" : ", disabled"))
                + "; per hour at most " + limits.externalPerHour() + " external and " + limits.internalPerHour()
                + " internal recipients and " + limits.spamPerHour() + " spam messages, per day "
                + limits.perDay() + " recipients; then " + action
                + "; notify " + (notifyRecipients.isEmpty() ? "nobody" : joined(notifyRecipients))
                + (conditions.senders().isEmpty() ? "" : "; senders " + joined(conditions.senders()))
                + (conditions.senderDomains().isEmpty() ? "" : "; sender domains " + joined(conditions.senderDomains()))
                + (conditions.excludedSenders().isEmpty() ? "" : "; except " + joined(conditions.excludedSenders()));
    }

    private static String joined(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
