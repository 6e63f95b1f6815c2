package org.senderguard.application.port.in;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.outbound.PolicySettings;
import org.senderguard.domain.outbound.SenderConditions;
import org.senderguard.domain.outbound.SendingLimits;
import org.senderguard.domain.outbound.ThresholdAction;
import org.senderguard.domain.tenant.TenantId;

/** A whole policy as an admin gives it, to create one or to replace one (PUT). */
public record PolicyCommand(TenantId tenantId, Actor actor, PolicySettings settings) {

    /** Sender conditions are looked through on every decision; each list holds at most this many values. */
    public static final int MAX_CONDITION_VALUES = 1000;
    public static final int MAX_NOTIFY_RECIPIENTS = 100;

    public PolicyCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(settings, "settings");
    }

    /** From raw input; the exception names the first bad field. Missing limits mean the defaults. */
    public static PolicyCommand of(TenantId tenantId, Actor actor, String name, Integer priority, Boolean enabled,
                                   Integer externalPerHour, Integer internalPerHour, Integer perDay,
                                   Integer spamPerHour, String action, List<String> notifyRecipients,
                                   List<String> senders, List<String> senderDomains, List<String> excludedSenders) {
        capped("notifyRecipients", notifyRecipients, MAX_NOTIFY_RECIPIENTS);
        capped("senders", senders, MAX_CONDITION_VALUES);
        capped("senderDomains", senderDomains, MAX_CONDITION_VALUES);
        capped("excludedSenders", excludedSenders, MAX_CONDITION_VALUES);
        SendingLimits limits = new SendingLimits(orZero(externalPerHour), orZero(internalPerHour), orZero(perDay),
                spamPerHour == null ? SendingLimits.DEFAULTS.spamMessageLimitPerHour() : spamPerHour);
        PolicySettings settings = new PolicySettings(name, priority == null ? 0 : priority,
                enabled == null || enabled, limits, parseAction(action),
                notifyRecipients == null ? List.of()
                        : notifyRecipients.stream().map(r -> EmailAddress.parse("notifyRecipients", r)).toList(),
                SenderConditions.parse(senders, senderDomains, excludedSenders));
        return new PolicyCommand(tenantId, actor, settings);
    }

    private static void capped(String field, List<String> values, int max) {
        if (values != null && values.size() > max) {
            throw new InvalidValueException(field, "at most " + max + " values, got " + values.size());
        }
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static ThresholdAction parseAction(String action) {
        if (action == null) {
            return ThresholdAction.BLOCK_USER_FOR_TODAY;
        }
        try {
            return ThresholdAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("actionWhenThresholdReached", FreeText.quoted(action)
                    + " is not one of ALERT, BLOCK_USER_FOR_TODAY, BLOCK_USER");
        }
    }
}
