package org.senderguard.application.port.in;

import org.senderguard.domain.tenant.Tenant;

public interface CreateTenantUseCase {

    /** Creates the tenant with default settings; a taken name or accepted domain is a conflict. */
    Tenant create(CreateTenantCommand command);
}
