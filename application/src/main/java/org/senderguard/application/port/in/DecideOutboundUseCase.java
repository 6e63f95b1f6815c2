package org.senderguard.application.port.in;

import java.util.concurrent.CompletableFuture;
import org.senderguard.domain.mailflow.Decision;

public interface DecideOutboundUseCase {

    /**
     * Deliver, deliver through the high-risk pool, or reject; counts the message and restricts the
     * sender as the policy says. The answer completes once the decision is committed, without
     * holding the caller's thread meanwhile.
     */
    CompletableFuture<Decision> decide(OutboundMessageCommand message);
}
