package org.senderguard.adapters.portal;

import java.util.Arrays;
import java.util.List;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/** The peers whose client-address header is believed: the reverse proxies in front of the portal. */
final class TrustedProxies {

    private final List<BlockedValue> networks;

    private TrustedProxies(List<BlockedValue> networks) {
        this.networks = networks;
    }

    /**
     * From a comma-separated list of addresses and CIDR ranges; IllegalArgumentException naming the
     * setting when one is not, so that a misconfigured server does not start.
     */
    static TrustedProxies parse(String setting, String list) {
        try {
            return new TrustedProxies(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(value -> BlockedValue.parse(EntryType.IP, value)).toList());
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    boolean trusts(Probe.Ip peer) {
        return networks.stream().anyMatch(network -> network.matches(peer));
    }
}
