package org.senderguard.application.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.blocklist.RegisteredDomains;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.QueryNames;
import org.senderguard.domain.reputation.ThirdPartyList;

/**
 * What a reputation check asks the lists about: an IP address, or a domain (that of an address or
 * a URL, or the domain given), in canonical form.
 */
record ReputationTarget(ListedKind kind, String value) {

    static ReputationTarget of(Probe probe) {
        if (probe instanceof Probe.Ip ip) {
            return new ReputationTarget(ListedKind.IP, ip.value());
        }
        if (probe instanceof Probe.Address address) {
            return new ReputationTarget(ListedKind.DOMAIN, address.address().domain().value());
        }
        if (probe instanceof Probe.Domain domain) {
            return new ReputationTarget(ListedKind.DOMAIN, domain.domain().value());
        }
        Probe.Url url = (Probe.Url) probe;
        if (url.domain() != null) {
            return new ReputationTarget(ListedKind.DOMAIN, url.domain().value());
        }
        if (url.ip() != null) {
            return new ReputationTarget(ListedKind.IP, url.ip().value());
        }
        throw new InvalidValueException("value", FreeText.quoted(probe.value()) + " has no host to check");
    }

    /**
     * The value as the list lists it, which a delisting there is asked for and followed by: the
     * registered domain for a list of registered domains, else the value itself.
     */
    String listedValue(ThirdPartyList list) {
        return kind == ListedKind.DOMAIN && list.scheme().listsRegisteredDomainsOnly() ? registeredOrSelf() : value;
    }

    /**
     * The names to ask the list, the value as the list lists it first: an IP address; a domain as
     * {@link #listedValue}, and for a list that lists hosts as well, also its registered domain, so
     * that {@code www.spammer.example} is found listed when {@code spammer.example} is. A name too
     * long to ask under the list's zone (a name has at most 253 characters) is left out.
     *
     * @throws InvalidValueException when no name fits under the zone
     */
    List<String> queryNames(ThirdPartyList list) {
        if (kind == ListedKind.IP) {
            return List.of(QueryNames.forIp(value, list.zone()));
        }
        List<String> names = new ArrayList<>();
        InvalidValueException tooLong = null;
        for (String domain : new LinkedHashSet<>(List.of(listedValue(list), registeredOrSelf()))) {
            try {
                names.add(QueryNames.forDomain(domain, list.zone()));
            } catch (InvalidValueException e) {
                tooLong = tooLong == null ? e : tooLong;
            }
        }
        if (names.isEmpty()) {
            throw tooLong;
        }
        return names;
    }

    /** The registered domain (a.b.example.co.uk: example.co.uk); a public suffix itself stays as it is. */
    private String registeredOrSelf() {
        return RegisteredDomains.of(new DomainName(value)).map(DomainName::value).orElse(value);
    }
}
