package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.delisting.PortalRequestStatus;

/** Operators' view of the delist portal's requests. */
public interface ListPortalRequestsUseCase {

    /** Newest first, at most {@code limit} (1-500); {@code status} null for all. */
    List<PortalRequestSummary> list(PortalRequestStatus status, int limit);
}
