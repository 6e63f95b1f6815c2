package org.senderguard.application.port.in;

import org.senderguard.domain.delisting.DelistingRequest;

public interface RequestDelistingUseCase {

    /**
     * For the service list: removes the spam-fed listing of a domain under one of the tenant's
     * accepted domains, at most {@code unblockLimit} times per {@code unblockWindowDays}; past that
     * only Support can (409 {@code delisting-limit-reached}).
     */
    DelistingRequest request(RequestDelistingCommand command);
}
