package org.senderguard.domain.outbound;

import java.util.Optional;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Rejections;
import org.senderguard.domain.tenant.AcceptedDomains;

/**
 * A tenant relays only mail from its accepted domains (and their subdomains), so that nobody
 * sends in another organisation's name: any other sender is rejected with 5.7.750.
 */
public final class SenderDomainRule {

    private SenderDomainRule() {
    }

    public static Optional<Decision> check(AcceptedDomains own, EmailAddress sender) {
        return own.covers(sender.domain()) ? Optional.empty() : Optional.of(Rejections.unregisteredDomain(sender));
    }
}
