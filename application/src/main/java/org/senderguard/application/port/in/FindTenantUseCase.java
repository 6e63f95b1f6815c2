package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

public interface FindTenantUseCase {

    /** @throws org.senderguard.domain.common.NotFoundException when there is no such tenant */
    Tenant byName(TenantName name);

    /** @throws org.senderguard.domain.common.NotFoundException when there is no such tenant */
    Tenant byId(TenantId id);

    /** All tenants, ordered by name. */
    List<Tenant> all();
}
