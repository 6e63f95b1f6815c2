package org.senderguard.application.port.in;

import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

public interface ListRestrictedUsersUseCase {

    /** Users restricted now, ordered by address. */
    Page<RestrictedUser> list(RestrictedUsersQuery query);

    /** @throws org.senderguard.domain.common.NotFoundException when the user is not restricted */
    RestrictedUser get(TenantId tenantId, EmailAddress address);
}
