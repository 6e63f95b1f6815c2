package org.senderguard.domain.blocklist;

import com.google.common.net.InternetDomainName;
import java.util.Optional;
import org.senderguard.domain.common.DomainName;

/**
 * The registered domain of a name, from the public suffix list: the public suffix plus one label.
 * Private suffixes count too (blogspot.com, github.io), so that one user's site is not mistaken for
 * the whole hosting service.
 */
public final class RegisteredDomains {

    private RegisteredDomains() {
    }

    /**
     * Registered domain (public-suffix aware): a.b.example.co.uk -> example.co.uk; empty for a public
     * suffix itself or an IP host. A name under no known suffix (a.b.corp.internal) follows the
     * list's default rule, its last label being the suffix: corp.internal.
     */
    public static Optional<DomainName> of(DomainName domain) {
        String name = domain.value();
        if (InternetDomainName.isValid(name)) {
            InternetDomainName parsed = InternetDomainName.from(name);
            if (parsed.isPublicSuffix()) {
                return Optional.empty();
            }
            if (parsed.isUnderPublicSuffix()) {
                return Optional.of(new DomainName(parsed.topPrivateDomain().toString()));
            }
        }
        int last = name.lastIndexOf('.');
        int secondLast = name.lastIndexOf('.', last - 1);
        return Optional.of(secondLast < 0 ? domain : new DomainName(name.substring(secondLast + 1)));
    }

    /**
     * True for a suffix under which the public registers domains (com, co.uk), from the ICANN part
     * of the list. Private suffixes (blogspot.com) are not included: listing one is drastic but can
     * be deliberate.
     */
    static boolean isRegistrySuffix(DomainName domain) {
        return isRegistrySuffix(domain.value());
    }

    static boolean isRegistrySuffix(String name) {
        return InternetDomainName.isValid(name) && InternetDomainName.from(name).isRegistrySuffix();
    }
}
