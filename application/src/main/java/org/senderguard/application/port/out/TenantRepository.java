package org.senderguard.application.port.out;

import java.util.List;
import java.util.Optional;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

public interface TenantRepository {

    void insert(Tenant tenant);

    /** Stores the tenant's current name-independent state: settings and accepted domains. */
    void update(Tenant tenant);

    Optional<Tenant> findById(TenantId id);

    Optional<Tenant> findByName(TenantName name);

    /** Finds the tenant and locks it until the current transaction ends. */
    Optional<Tenant> lockByName(TenantName name);

    /** The tenant that has {@code domain} as an accepted domain, if any. */
    Optional<TenantId> findOwnerOf(DomainName domain);

    List<Tenant> findAll();
}
