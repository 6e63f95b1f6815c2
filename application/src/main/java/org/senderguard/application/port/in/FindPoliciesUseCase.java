package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.TenantId;

public interface FindPoliciesUseCase {

    /** The tenant's policies in the order they are consulted, the default last. */
    List<OutboundSpamPolicy> list(TenantId tenantId);

    /** @throws org.senderguard.domain.common.NotFoundException also for another tenant's policy */
    OutboundSpamPolicy get(TenantId tenantId, PolicyId id);
}
