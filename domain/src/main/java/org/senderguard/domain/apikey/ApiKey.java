package org.senderguard.domain.apikey;

import java.time.Instant;
import java.util.Objects;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.tenant.TenantId;

/** A stored API key: the tenant and role it grants, and the hash of its secret, never the secret. */
public record ApiKey(ApiKeyId id, TenantId tenantId, Role role, SecretHash secretHash, Instant createdAt,
                     Instant revokedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static ApiKey issue(ApiKeyToken token, TenantId tenantId, Role role, Instant now) {
        return new ApiKey(token.id(), tenantId, role, token.hash(), now, null);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** True when the key is active and {@code token} carries its secret. */
    public boolean accepts(ApiKeyToken token) {
        return isActive() && token.id().equals(id) && secretHash.matches(token.secret());
    }

    public ApiKey revoke(Instant now) {
        if (!isActive()) {
            throw new ConflictException("already-revoked", "API key " + id + " was already revoked at " + revokedAt);
        }
        return new ApiKey(id, tenantId, role, secretHash, createdAt, now);
    }
}
