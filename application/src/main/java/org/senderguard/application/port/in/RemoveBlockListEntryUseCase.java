package org.senderguard.application.port.in;

import java.util.UUID;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.tenant.TenantId;

public interface RemoveBlockListEntryUseCase {

    /**
     * Removes one entry. A tenant's admin ({@code tenant} set) may remove only entries of the
     * tenant's own list (others are not found); an operator ({@code tenant} null) any entry.
     */
    BlockListEntry remove(TenantId tenant, UUID id, Actor actor);
}
