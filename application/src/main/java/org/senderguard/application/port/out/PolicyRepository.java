package org.senderguard.application.port.out;

import java.util.List;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.TenantId;

public interface PolicyRepository {

    /** The tenant's policies, the default included once it exists. */
    List<OutboundSpamPolicy> findByTenant(TenantId tenantId);

    void insert(OutboundSpamPolicy policy);

    void update(OutboundSpamPolicy policy);

    void delete(TenantId tenantId, PolicyId id);
}
