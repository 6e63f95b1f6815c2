package org.senderguard.application.port.out;

import java.time.Instant;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.SendingUsage;
import org.senderguard.domain.tenant.TenantId;

/** What senders have sent: the rolling hour and the UTC day, read and added to per message. */
public interface SendingCounters {

    SendingUsage usage(TenantId tenantId, EmailAddress sender, Instant now);

    void add(TenantId tenantId, EmailAddress sender, MessageWeight weight, Instant now);
}
