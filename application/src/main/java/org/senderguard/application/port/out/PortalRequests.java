package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.senderguard.domain.apikey.SecretHash;
import org.senderguard.domain.delisting.PortalRequest;
import org.senderguard.domain.delisting.PortalRequestStatus;

/** The delist portal's requests; the link's token is only ever stored as its hash. */
public interface PortalRequests {

    void insert(PortalRequest request);

    Optional<PortalRequest> findByTokenHash(SecretHash tokenHash);

    /**
     * Marks the request completed if it is still pending and unexpired at {@code now}; false when
     * another use got there first or it has expired. The row stays locked until the transaction ends.
     */
    boolean complete(UUID id, Instant now, String outcome);

    void markMailFailed(UUID id, String reason);

    /** Newest first; {@code status} null for all. {@code EXPIRED} selects the pending ones past expiry at {@code now}. */
    List<PortalRequest> newestFirst(PortalRequestStatus status, Instant now, int limit);
}
