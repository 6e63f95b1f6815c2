package org.senderguard.application.port.out;

import java.util.List;
import java.util.Optional;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.tenant.TenantId;

public interface ApiKeyRepository {

    void insert(ApiKey key);

    /** Records the key's revocation. */
    void update(ApiKey key);

    Optional<ApiKey> findById(ApiKeyId id);

    List<ApiKey> findByTenant(TenantId tenantId);
}
