package org.senderguard.domain.outbound;

import java.util.Optional;
import org.senderguard.domain.common.DomainName;
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
        return check(own, sender.value(), Optional.of(sender.domain()));
    }

    /**
     * For an envelope sender that is no address senderguard reads (a quoted local part): by the
     * domain after its last '@', {@code domain}; without one, it names none of the tenant's.
     */
    public static Optional<Decision> check(AcceptedDomains own, String sender, Optional<DomainName> domain) {
        return domain.isPresent() && own.covers(domain.get()) ? Optional.empty()
                : Optional.of(Rejections.unregisteredDomain(sender, domain.map(DomainName::value).orElse(sender)));
    }
}
