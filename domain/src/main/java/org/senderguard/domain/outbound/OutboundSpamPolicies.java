package org.senderguard.domain.outbound;

import java.util.Comparator;
import java.util.List;
import org.senderguard.domain.common.EmailAddress;

/** A tenant's policies in the order they are consulted: by priority, the default last. */
public record OutboundSpamPolicies(List<OutboundSpamPolicy> inOrder) {

    public OutboundSpamPolicies {
        inOrder = inOrder.stream()
                .sorted(Comparator.comparingInt(OutboundSpamPolicy::priority).thenComparing(OutboundSpamPolicy::name))
                .toList();
        if (inOrder.stream().noneMatch(OutboundSpamPolicy::isDefault)) {
            throw new IllegalStateException("a tenant always has a default policy");
        }
    }

    /** The first enabled policy that applies to the sender; the default one applies to everyone. */
    public OutboundSpamPolicy forSender(EmailAddress sender) {
        return inOrder.stream().filter(p -> p.appliesTo(sender)).findFirst().orElseThrow();
    }
}
