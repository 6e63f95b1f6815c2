package org.senderguard.adapters.portal;

import java.util.Arrays;
import org.senderguard.domain.blocklist.IpNetworks;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/** The peers whose client-address header is believed: the reverse proxies in front of the portal. */
final class TrustedProxies {

    private final IpNetworks networks;

    private TrustedProxies(IpNetworks networks) {
        this.networks = networks;
    }

    /**
     * From a comma-separated list of addresses and CIDR ranges; IllegalArgumentException naming the
     * setting when one is not, so that a misconfigured server does not start.
     */
    static TrustedProxies parse(String setting, String list) {
        try {
            return new TrustedProxies(IpNetworks.parse(setting,
                    Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    boolean trusts(Probe.Ip peer) {
        return networks.contain(peer);
    }
}
