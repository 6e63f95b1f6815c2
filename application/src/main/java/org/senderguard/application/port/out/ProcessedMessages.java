package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.tenant.TenantId;

/** The decisions already given, so that a message reported twice is answered the same and counted once. */
public interface ProcessedMessages {

    Optional<Decision> find(TenantId tenantId, String messageId);

    void save(TenantId tenantId, String messageId, Decision decision, Instant at);
}
