package org.senderguard.application.port.in;

import org.senderguard.domain.delisting.DelistingRequest;

public interface RequestDelistingUseCase {

    /**
     * For the service list: removes the spam-fed listing of a domain under one of the tenant's
     * accepted domains, at most {@code unblockLimit} times per {@code unblockWindowDays}; past that
     * only Support can (409 {@code delisting-limit-reached}). For a third-party list: records that
     * the admin asked that list to delist the value; the request stays pending until a check finds
     * the value off the list.
     */
    DelistingRequest request(RequestDelistingCommand command);
}
