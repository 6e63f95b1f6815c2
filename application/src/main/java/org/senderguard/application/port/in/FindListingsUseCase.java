package org.senderguard.application.port.in;

import org.senderguard.domain.tenant.TenantId;

public interface FindListingsUseCase {

    /** Where {@code value} is listed: the service list, and the tenant's list when {@code tenant} is given. */
    Listings find(TenantId tenant, String value);
}
