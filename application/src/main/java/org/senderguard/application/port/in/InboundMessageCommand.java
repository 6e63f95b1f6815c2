package org.senderguard.application.port.in;

import java.util.List;
import java.util.Objects;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/** One inbound message as mail flow reports it, for a tenant's recipients. */
public record InboundMessageCommand(TenantId tenantId, String messageId, EmailAddress sender, Probe clientIp,
                                    List<EmailAddress> recipients, List<Probe> urls) {

    public InboundMessageCommand {
        Objects.requireNonNull(tenantId, "tenantId");
        recipients = List.copyOf(recipients);
        urls = List.copyOf(urls);
    }

    /** From raw input; the exception names the first bad field. URLs that are not web links are ignored. */
    public static InboundMessageCommand of(TenantId tenantId, String messageId, String sender, String clientIp,
                                           List<String> recipients, List<String> urls) {
        String id = MessageFields.messageId(messageId);
        MessageFields.requireRecipients(recipients);
        if (clientIp == null || clientIp.isBlank()) {
            throw new InvalidValueException("clientIp", "the IP address of the sending server is required");
        }
        return new InboundMessageCommand(tenantId, id, EmailAddress.parse("sender", sender),
                Probe.ip(clientIp), MessageFields.recipients(recipients), MessageFields.urls(urls));
    }
}
