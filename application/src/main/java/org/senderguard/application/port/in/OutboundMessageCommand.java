package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/** One outbound message as mail flow reports it; {@code urls} are the web links found in it. */
public record OutboundMessageCommand(TenantId tenantId, Actor actor, String messageId, EmailAddress sender,
                                     List<EmailAddress> recipients, Verdict verdict, List<Probe> urls) {

    public OutboundMessageCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        recipients = List.copyOf(recipients);
        urls = List.copyOf(urls);
    }

    /**
     * From raw input; the exception names the first bad field. URLs that are not web links are ignored.
     * The client IP, when given, must be an IP address, though outbound decisions do not use it.
     */
    public static OutboundMessageCommand of(TenantId tenantId, Actor actor, String messageId, String sender,
                                            List<String> recipients, String verdict, String clientIp,
                                            List<String> urls) {
        String id = MessageFields.messageId(messageId);
        MessageFields.requireRecipients(recipients);
        MessageFields.checkClientIp(clientIp);
        return new OutboundMessageCommand(tenantId, actor, id, EmailAddress.parse("sender", sender),
                MessageFields.recipients(recipients), MessageFields.verdict(verdict), MessageFields.urls(urls));
    }
}
