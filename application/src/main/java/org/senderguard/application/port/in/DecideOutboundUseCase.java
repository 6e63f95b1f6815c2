package org.senderguard.application.port.in;

import org.senderguard.domain.mailflow.Decision;

public interface DecideOutboundUseCase {

    /**
     * Deliver, deliver through the high-risk pool, or reject; counts the message and restricts the
     * sender as the policy says. The decision is durable before it is returned.
     */
    Decision decide(OutboundMessageCommand message);
}
