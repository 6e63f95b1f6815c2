package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

/** Writes run in a unit of work; reads may run on their own, so they go through {@link DatabaseAvailability}. */
@Singleton
class JdbcTenantRepository implements TenantRepository {

    private final TenantRowRepository tenants;
    private final TenantDomainRowRepository domains;
    private final DatabaseAvailability availability;

    JdbcTenantRepository(TenantRowRepository tenants, TenantDomainRowRepository domains,
                         DatabaseAvailability availability) {
        this.tenants = tenants;
        this.domains = domains;
        this.availability = availability;
    }

    @Override
    public void insert(Tenant tenant) {
        tenants.save(TenantRow.from(tenant));
        saveDomains(tenant);
    }

    @Override
    public void update(Tenant tenant) {
        tenants.update(TenantRow.from(tenant));
        domains.deleteByTenantId(tenant.id().toString());
        saveDomains(tenant);
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return availability.call(() -> tenants.findById(id.toString()).map(this::withDomains));
    }

    @Override
    public Optional<Tenant> findByName(TenantName name) {
        return availability.call(() -> tenants.findByName(name.value()).map(this::withDomains));
    }

    @Override
    public Optional<Tenant> lockByName(TenantName name) {
        return availability.call(() -> tenants.findByNameForUpdate(name.value()).map(this::withDomains));
    }

    @Override
    public Optional<TenantId> findOwnerOf(DomainName domain) {
        return availability.call(() -> domains.findById(domain.value()).map(row -> TenantId.of(row.tenantId())));
    }

    @Override
    public List<Tenant> findAll() {
        return availability.call(() -> tenants.listOrderByName().stream().map(this::withDomains).toList());
    }

    private Tenant withDomains(TenantRow row) {
        return row.toDomain(domains.findByTenantIdOrderByDomain(row.id()));
    }

    private void saveDomains(Tenant tenant) {
        domains.saveAll(tenant.domains().values().stream()
                .map(domain -> new TenantDomainRow(domain, tenant.id().toString()))
                .toList());
    }
}
