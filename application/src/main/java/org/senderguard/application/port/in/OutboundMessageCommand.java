package org.senderguard.application.port.in;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/** One outbound message as mail flow reports it. */
public record OutboundMessageCommand(TenantId tenantId, Actor actor, String messageId, EmailAddress sender,
                                     List<EmailAddress> recipients, Verdict verdict) {

    public static final int MAX_RECIPIENTS = 10_000;

    public OutboundMessageCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        recipients = List.copyOf(recipients);
    }

    /** From raw input; the exception names the first bad field. */
    public static OutboundMessageCommand of(TenantId tenantId, Actor actor, String messageId, String sender,
                                            List<String> recipients, String verdict) {
        if (messageId == null || messageId.isBlank() || messageId.length() > 998) {
            throw new InvalidValueException("messageId", "a message id of 1-998 characters is required");
        }
        if (recipients == null || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new InvalidValueException("recipients", "1-" + MAX_RECIPIENTS + " recipients are required");
        }
        return new OutboundMessageCommand(tenantId, actor, messageId.strip(), EmailAddress.parse("sender", sender),
                recipients.stream().map(r -> EmailAddress.parse("recipients", r)).toList(), parseVerdict(verdict));
    }

    private static Verdict parseVerdict(String verdict) {
        try {
            return Verdict.valueOf(verdict.strip().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InvalidValueException("verdict", "'" + verdict + "' is not one of CLEAN, BULK, SPAM, "
                    + "HIGH_CONFIDENCE_SPAM, PHISH, HIGH_CONFIDENCE_PHISH, MALWARE");
        }
    }
}
