package org.senderguard.application.service;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.senderguard.application.port.in.DeletePolicyUseCase;
import org.senderguard.application.port.in.FindPoliciesUseCase;
import org.senderguard.application.port.in.PolicyCommand;
import org.senderguard.application.port.in.SavePolicyUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.PolicyRepository;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.outbound.OutboundSpamPolicies;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.TenantId;

public class PolicyService implements FindPoliciesUseCase, SavePolicyUseCase, DeletePolicyUseCase {

    /**
     * Every outbound decision of a tenant matches its sender against each of its policies, on threads
     * all tenants share: without a cap, one tenant's thousands of policies slowed every tenant's mail.
     */
    static final int MAX_CUSTOM_POLICIES = 100;

    private final PolicyRepository policies;
    private final TenantChanges changes;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final UntilChangedCache<TenantId, OutboundSpamPolicies> cache = new UntilChangedCache<>();

    public PolicyService(PolicyRepository policies, TenantChanges changes, AuditLog audit, UnitOfWork unitOfWork,
                         Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public List<OutboundSpamPolicy> list(TenantId tenantId) {
        return load(tenantId).inOrder();
    }

    @Override
    public OutboundSpamPolicy get(TenantId tenantId, PolicyId id) {
        return list(tenantId).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no outbound spam policy with id " + id));
    }

    /**
     * The tenant's policies as mail flow applies them, kept until they change: this instance's own
     * changes apply at once, other instances' when the change feed reports them.
     */
    OutboundSpamPolicies policiesOf(TenantId tenantId) {
        return cache.get(tenantId, this::load);
    }

    /** Drops the tenant's policies, changed elsewhere, from the cache. */
    void forget(TenantId tenantId) {
        cache.invalidate(tenantId);
    }

    void forgetAll() {
        cache.invalidateAll();
    }

    /** The tenant's policies; a tenant gets its default policy the first time its policies are read. */
    private OutboundSpamPolicies load(TenantId tenantId) {
        List<OutboundSpamPolicy> found = policies.findByTenant(tenantId);
        if (found.stream().anyMatch(OutboundSpamPolicy::isDefault)) {
            return new OutboundSpamPolicies(found);
        }
        try {
            unitOfWork.inTransaction(() -> {
                OutboundSpamPolicy created = OutboundSpamPolicy.defaultFor(tenantId);
                policies.insert(created);
                audit.add(AuditRecord.of(tenantId, Actor.SYSTEM, "policy.create", target(created), null,
                        created.describe(),
                        clock.instant()));
                changes.record(tenantId);
                return created;
            });
        } catch (ConflictException concurrentlyCreated) {
            // Another request created the default policy first; read it below.
        }
        return new OutboundSpamPolicies(policies.findByTenant(tenantId));
    }

    @Override
    public OutboundSpamPolicy create(PolicyCommand command) {
        load(command.tenantId());
        OutboundSpamPolicy created = OutboundSpamPolicy.custom(command.tenantId(), command.settings());
        return changed(command.tenantId(), () -> {
            if (policies.findByTenant(command.tenantId()).size() > MAX_CUSTOM_POLICIES) {
                throw new ConflictException("policy-limit-reached", "a tenant has at most " + MAX_CUSTOM_POLICIES
                        + " policies besides the default one; change or delete one first");
            }
            policies.insert(created);
            audit.add(AuditRecord.of(command.tenantId(), command.actor(), "policy.create", target(created), null,
                    created.describe(), clock.instant()));
            return created;
        });
    }

    @Override
    public OutboundSpamPolicy replace(PolicyId id, PolicyCommand command) {
        load(command.tenantId());
        return changed(command.tenantId(), () -> {
            OutboundSpamPolicy current = stored(command.tenantId(), id);
            OutboundSpamPolicy replaced = current.changedTo(command.settings());
            policies.update(replaced);
            audit.add(AuditRecord.of(command.tenantId(), command.actor(), "policy.update", target(replaced),
                    current.describe(), replaced.describe(), clock.instant()));
            return replaced;
        });
    }

    @Override
    public void delete(TenantId tenantId, PolicyId id, Actor actor) {
        load(tenantId);
        changed(tenantId, () -> {
            OutboundSpamPolicy current = stored(tenantId, id);
            if (current.isDefault()) {
                throw new ConflictException("default-policy", "the default policy cannot be deleted; change its "
                        + "settings instead");
            }
            policies.delete(tenantId, id);
            audit.add(AuditRecord.of(tenantId, actor, "policy.delete", target(current), current.describe(), null,
                    clock.instant()));
            return null;
        });
    }

    /** The policy as stored, read within a change: after the change before it committed. */
    private OutboundSpamPolicy stored(TenantId tenantId, PolicyId id) {
        return policies.findByTenant(tenantId).stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("no outbound spam policy with id " + id));
    }

    /**
     * Commits a change of the tenant's policies, recorded for the other instances, which mail flow
     * here then applies at once.
     */
    private <T> T changed(TenantId tenantId, Supplier<T> change) {
        T result = unitOfWork.inTransaction(() -> {
            // First: the version's lock makes the tenant changes one at a time, so that the change
            // reads what the one before it committed (two creates cannot both pass the cap, an
            // update cannot revive a policy a delete just removed).
            changes.record(tenantId);
            return change.get();
        });
        cache.invalidate(tenantId); // after the commit, so that no decision reloads the policies as they were
        return result;
    }

    private static String target(OutboundSpamPolicy policy) {
        return "policy:" + policy.id();
    }
}
