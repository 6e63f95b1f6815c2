package org.senderguard.application.port.in;

import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/**
 * A spam filter's verdict on an outbound message that was decided before it was scanned (an MTA
 * asks at the end of the SMTP transaction). The message is named by the MTA's queue id or by its
 * Message-ID, whichever the filter's hook has; a message's verdict reported twice counts once,
 * whatever verdict the second report gives, with or without a login. {@code login}, the SASL
 * login that sent the message (null without one, or when it is no address), answers for it as it
 * does at the end of the message, whatever sender it named, when it is an address of the tenant's.
 */
public record VerdictReport(TenantId tenantId, Actor actor, String messageRef, EmailAddress sender,
                            EmailAddress login, Verdict verdict) {

    public VerdictReport {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(messageRef, "messageRef");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * A login as the MTA passed it: an address, or null. A SASL login need not be an address
     * ({@code dan}); the message's sender then answers for it, as at the end of the message.
     */
    private static EmailAddress address(String login) {
        if (login == null || login.isBlank()) {
            return null;
        }
        try {
            return EmailAddress.parse("login", login);
        } catch (InvalidValueException notAnAddress) {
            return null;
        }
    }

    /** From raw input; the exception names the first bad field. One of queue id and message id is required. */
    public static VerdictReport of(TenantId tenantId, Actor actor, String queueId, String messageId, String sender,
                                   String login, String verdict) {
        String ref;
        if (queueId != null && !queueId.isBlank()) {
            ref = "queue:" + MessageFields.text("queueId", queueId, MessageFields.MAX_QUEUE_ID);
        } else if (messageId != null && !messageId.isBlank()) {
            ref = "message:" + MessageFields.messageId(messageId);
        } else {
            throw new InvalidValueException("queueId", "the message's queue id or its messageId is required");
        }
        return new VerdictReport(tenantId, actor, ref, EmailAddress.parse("sender", sender), address(login),
                MessageFields.verdict(verdict));
    }
}
