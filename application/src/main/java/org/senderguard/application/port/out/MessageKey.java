package org.senderguard.application.port.out;

import java.util.Objects;
import org.senderguard.domain.tenant.TenantId;

/** A message as mail flow identifies it: the tenant and the message id it reported. */
public record MessageKey(TenantId tenantId, String messageId) {

    public MessageKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
