package org.senderguard.application.port.in;

import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.TenantId;

public interface DeletePolicyUseCase {

    /** @throws org.senderguard.domain.common.ConflictException {@code default-policy} for the default policy */
    void delete(TenantId tenantId, PolicyId id, Actor actor);
}
