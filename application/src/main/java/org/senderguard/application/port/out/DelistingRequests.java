package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.tenant.TenantId;

public interface DelistingRequests {

    /**
     * Stores the request. A pending one is stored once per tenant, list and value: when another
     * transaction stored the same just before, the commit fails as a conflict.
     */
    void insert(DelistingRequest request);

    /** Newest first, older than the request {@code before} (none: from the newest). */
    List<DelistingRequest> findByTenant(TenantId tenantId, UUID before, int limit);

    /** Pending requests, of any tenant, to delist this value from a third-party list. */
    List<DelistingRequest> findPending(String value);

    /** The tenant's pending request to delist this value from {@code list}, if it made one. */
    Optional<DelistingRequest> findPending(TenantId tenantId, String list, String value);

    /** Resolves the request if it is still pending; false when another check resolved it first. */
    boolean resolve(UUID id, Instant at, String outcome);

    /** The tenant's requests for {@code list} made at or after {@code since}. */
    int countSince(TenantId tenantId, String list, Instant since);
}
