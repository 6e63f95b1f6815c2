package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.tenant.TenantId;

/** Writes run in a unit of work; reads may run on their own, so they go through {@link DatabaseAvailability}. */
@Singleton
class JdbcApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyRowRepository rows;
    private final DatabaseAvailability availability;

    JdbcApiKeyRepository(ApiKeyRowRepository rows, DatabaseAvailability availability) {
        this.rows = rows;
        this.availability = availability;
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
        return availability.call(() -> rows.findById(id.value()).map(ApiKeyRow::toDomain));
    }

    @Override
    public List<ApiKey> findByTenant(TenantId tenantId) {
        return availability.call(() -> rows.findByTenantIdOrderByCreatedAt(tenantId.toString()).stream()
                .map(ApiKeyRow::toDomain).toList());
    }
}
