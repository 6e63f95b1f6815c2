package org.senderguard.application.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.in.FindTenantByDomainUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.UpdateTenantCommand;
import org.senderguard.application.port.in.UpdateTenantUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantSettings;

public class TenantService implements CreateTenantUseCase, UpdateTenantUseCase, FindTenantUseCase,
        FindTenantByDomainUseCase {

    private final TenantRepository tenants;
    private final TenantChanges changes;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final UntilChangedCache<TenantId, Tenant> cache = new UntilChangedCache<>();
    /** Every tenant's accepted domains, under one key. */
    private final UntilChangedCache<Boolean, Map<String, TenantId>> owners = new UntilChangedCache<>();

    public TenantService(TenantRepository tenants, TenantChanges changes, AuditLog audit, UnitOfWork unitOfWork,
                         Clock clock) {
        this.tenants = tenants;
        this.changes = changes;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public Tenant create(CreateTenantCommand command) {
        Tenant created = unitOfWork.inTransaction(() -> {
            if (tenants.findByName(command.name()).isPresent()) {
                throw new ConflictException("tenant-exists", "a tenant named '" + command.name() + "' already exists");
            }
            Tenant tenant = Tenant.create(command.name(), command.domains(), clock.instant());
            requireDomainsFree(tenant);
            tenants.insert(tenant);
            changes.record(tenant.id()); // servers find tenants by domain from a cache that must learn of it
            audit.add(AuditRecord.of(tenant.id(), command.actor(), "tenant.create", target(tenant), null, tenant.describe(),
                    tenant.createdAt()));
            return tenant;
        });
        owners.invalidateAll();
        return created;
    }

    @Override
    public Tenant update(UpdateTenantCommand command) {
        Tenant updated = unitOfWork.inTransaction(() -> {
            Tenant current = tenants.lockByName(command.name())
                    .orElseThrow(() -> new NotFoundException("no tenant named '" + command.name() + "'"));
            TenantSettings settings = current.settings();
            settings = command.unblockLimit().map(settings::withUnblockLimit).orElse(settings);
            settings = command.unblockWindowDays().map(settings::withUnblockWindowDays).orElse(settings);
            settings = command.blockListLimit().map(settings::withBlockListLimit).orElse(settings);
            settings = command.checkThirdPartyLists().map(settings::withCheckThirdPartyLists).orElse(settings);
            AcceptedDomains domains = command.domains().orElse(current.domains());
            Tenant changed = current.withSettings(settings).withDomains(domains);
            requireDomainsFree(changed);
            tenants.update(changed);
            audit.add(AuditRecord.of(changed.id(), command.actor(), "tenant.update", target(changed),
                    current.describe(), changed.describe(), clock.instant()));
            changes.record(changed.id());
            return changed;
        });
        cache.invalidate(updated.id()); // after the commit, so that no request reloads the tenant as it was
        owners.invalidateAll();
        return updated;
    }

    @Override
    public Tenant byName(TenantName name) {
        return tenants.findByName(name).orElseThrow(() -> new NotFoundException("no tenant named '" + name + "'"));
    }

    /**
     * Read on every request, so kept until it changes: this instance's own updates apply at once,
     * other instances' when the change feed reports them.
     */
    @Override
    public Tenant byId(TenantId id) {
        return cache.get(id, key -> tenants.findById(key)
                .orElseThrow(() -> new NotFoundException("no tenant with id " + key)));
    }

    /**
     * Mail flow asks this for every message, for domains of tenants and of anyone else, so every
     * tenant's domains are held as one map until any tenant changes.
     */
    @Override
    public Optional<Tenant> owner(DomainName domain) {
        Map<String, TenantId> byDomain = owners.get(Boolean.TRUE, all -> tenants.findAll().stream()
                .flatMap(t -> t.domains().values().stream().map(d -> Map.entry(d, t.id())))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
        for (String name = domain.value(); ; name = name.substring(name.indexOf('.') + 1)) {
            TenantId owner = byDomain.get(name);
            if (owner != null) {
                return Optional.of(byId(owner));
            }
            if (name.indexOf('.') < 0) {
                return Optional.empty();
            }
        }
    }

    /** Drops the tenant, changed elsewhere, from the cache. */
    void forget(TenantId id) {
        cache.invalidate(id);
        owners.invalidateAll();
    }

    void forgetAll() {
        cache.invalidateAll();
        owners.invalidateAll();
    }

    @Override
    public List<Tenant> all() {
        return tenants.findAll();
    }

    private static String target(Tenant tenant) {
        return "tenant:" + tenant.name();
    }

    /** An accepted domain belongs to one tenant only: mail flow must know whose mail it is. */
    private void requireDomainsFree(Tenant tenant) {
        tenant.domains().domains().forEach(domain -> tenants.findOwnerOf(domain)
                .filter(owner -> !owner.equals(tenant.id()))
                .ifPresent(owner -> {
                    throw new ConflictException("domain-taken", "domain '" + domain
                            + "' is already an accepted domain of another tenant");
                }));
    }
}
