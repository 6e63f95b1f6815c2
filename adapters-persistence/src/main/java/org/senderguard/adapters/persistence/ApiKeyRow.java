package org.senderguard.adapters.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.LocalDateTime;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.apikey.SecretHash;
import org.senderguard.domain.tenant.TenantId;

@MappedEntity("api_key")
record ApiKeyRow(@Id String id, String tenantId, String role, String secretHash, LocalDateTime createdAt,
                 @Nullable LocalDateTime revokedAt) {

    static ApiKeyRow from(ApiKey key) {
        return new ApiKeyRow(key.id().value(), key.tenantId().toString(), key.role().name(), key.secretHash().hex(),
                UtcTime.toColumn(key.createdAt()), UtcTime.toColumn(key.revokedAt()));
    }

    ApiKey toDomain() {
        return new ApiKey(new ApiKeyId(id), TenantId.of(tenantId), Role.valueOf(role), new SecretHash(secretHash),
                UtcTime.fromColumn(createdAt), UtcTime.fromColumn(revokedAt));
    }
}
