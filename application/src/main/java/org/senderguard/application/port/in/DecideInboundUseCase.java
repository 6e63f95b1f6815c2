package org.senderguard.application.port.in;

import org.senderguard.domain.mailflow.Decision;

public interface DecideInboundUseCase {

    /** ACCEPT, or REJECT when the client IP, the sender or a link is on the service list or the tenant's list. */
    Decision decide(InboundMessageCommand message);
}
