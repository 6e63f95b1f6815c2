package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyRowRepository rows;

    JdbcApiKeyRepository(ApiKeyRowRepository rows) {
        this.rows = rows;
    }

    @Override
    public void insert(ApiKey key) {
        rows.save(ApiKeyRow.from(key));
    }

    @Override
    public void update(ApiKey key) {
        rows.update(ApiKeyRow.from(key));
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return rows.findById(id.value()).map(ApiKeyRow::toDomain);
    }

    @Override
    public List<ApiKey> findByTenant(TenantId tenantId) {
        return rows.findByTenantIdOrderByCreatedAt(tenantId.toString()).stream().map(ApiKeyRow::toDomain).toList();
    }
}
