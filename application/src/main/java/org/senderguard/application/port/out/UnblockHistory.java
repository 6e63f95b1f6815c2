package org.senderguard.application.port.out;

import java.time.Instant;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

public interface UnblockHistory {

    /** Admin unblocks of the user since {@code since}; Support's overrides do not count. */
    int countAdminUnblocksSince(TenantId tenantId, EmailAddress user, Instant since);

    void add(TenantId tenantId, EmailAddress user, Actor actor, boolean override, Instant at);
}
