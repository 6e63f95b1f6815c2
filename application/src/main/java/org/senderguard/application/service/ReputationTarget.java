package org.senderguard.application.service;

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
     * The name to ask the list. A domain too long to ask under the list's zone (a name has at most
     * 253 characters) is asked by its registered domain, which is what domain lists list, so that a
     * long subdomain of a listed domain is still found.
     *
     * @throws InvalidValueException when not even that fits under the zone
     */
    String queryName(ThirdPartyList list) {
        if (kind == ListedKind.IP) {
            return QueryNames.forIp(value, list.zone());
        }
        try {
            return QueryNames.forDomain(value, list.zone());
        } catch (InvalidValueException tooLong) {
            return RegisteredDomains.of(new DomainName(value))
                    .map(registered -> QueryNames.forDomain(registered.value(), list.zone())).orElseThrow(() -> tooLong);
        }
    }
}
