package org.senderguard.application.port.in;

import org.senderguard.domain.tenant.Tenant;

public interface UpdateTenantUseCase {

    /** Applies the changes in one transaction and returns the tenant as stored. */
    Tenant update(UpdateTenantCommand command);
}
