package org.senderguard.application.port.in;

import org.senderguard.domain.delisting.DelistingRequest;

public interface ListDelistingRequestsUseCase {

    /** The tenant's requests, newest first. */
    Page<DelistingRequest> list(ListQuery query);
}
