package org.senderguard.application.port.in;

import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;

public interface SavePolicyUseCase {

    OutboundSpamPolicy create(PolicyCommand command);

    /** Replaces the whole policy; the default policy keeps applying to everyone. */
    OutboundSpamPolicy replace(PolicyId id, PolicyCommand command);
}
