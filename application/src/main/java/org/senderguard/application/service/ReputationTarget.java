package org.senderguard.application.service;

import org.senderguard.domain.blocklist.Probe;
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

    String queryName(ThirdPartyList list) {
        return kind == ListedKind.IP ? QueryNames.forIp(value, list.zone()) : QueryNames.forDomain(value, list.zone());
    }
}
