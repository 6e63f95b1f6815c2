package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.tenant.TenantId;

public interface DelistingRequests {

    void insert(DelistingRequest request);

    /** Newest first, older than the request {@code before} (none: from the newest). */
    List<DelistingRequest> findByTenant(TenantId tenantId, UUID before, int limit);

    /** Pending requests, of any tenant, to delist this value from a third-party list. */
    List<DelistingRequest> findPending(String value);

    /** Resolves the request if it is still pending; false when another check resolved it first. */
    boolean resolve(UUID id, Instant at, String outcome);

    /** The tenant's requests for {@code list} made at or after {@code since}. */
    int countSince(TenantId tenantId, String list, Instant since);
}
