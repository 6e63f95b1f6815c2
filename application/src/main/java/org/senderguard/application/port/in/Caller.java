package org.senderguard.application.port.in;

import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.tenant.TenantId;

/** Who is calling the API: the key, its tenant and its role. */
public record Caller(ApiKeyId keyId, TenantId tenantId, Role role) {
}
