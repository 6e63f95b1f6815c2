package org.senderguard.domain.blocklist;

import java.util.List;
import org.senderguard.domain.common.InvalidValueException;

/**
 * A configured set of IP networks (addresses and CIDR ranges, v4 and v6) that clients are matched
 * against by containment, parsed and matched as the block lists' IP entries are (IPv4-mapped IPv6
 * counts as IPv4): the portal's trusted proxies, the policy server's submitter networks.
 */
public final class IpNetworks {

    private final List<BlockedValue> networks;

    private IpNetworks(List<BlockedValue> networks) {
        this.networks = networks;
    }

    /** @throws InvalidValueException naming {@code field} (the setting) and the first value that is not a network */
    public static IpNetworks parse(String field, List<String> values) {
        return new IpNetworks(values.stream().map(value -> network(field, value)).toList());
    }

    private static BlockedValue network(String field, String value) {
        try {
            return BlockedValue.parse(EntryType.IP, value);
        } catch (InvalidValueException e) {
            // The block lists' message starts with their own field name; the setting is named instead.
            throw new InvalidValueException(field, e.getMessage().substring(e.field().length() + 2));
        }
    }

    /** Whether the address is in one of the networks; an unknown address (null) is in none. */
    public boolean contain(Probe.Ip address) {
        return address != null && networks.stream().anyMatch(network -> network.matches(address));
    }

    /** The networks in their canonical form. */
    public List<String> values() {
        return networks.stream().map(BlockedValue::value).toList();
    }
}
