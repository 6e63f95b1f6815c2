package org.senderguard.adapters.postfix;

import java.util.List;
import java.util.stream.Collectors;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The clients whose mail counts as a tenant's own submission without a SASL login
 * ({@code SENDERGUARD_POLICY_SUBMITTERS}): addresses and CIDR ranges, v4 and v6, parsed and matched
 * by containment as the block lists' IP entries are (IPv4-mapped IPv6 counts as IPv4).
 */
public final class SubmitterNetworks {

    private final List<BlockedValue> networks;

    private SubmitterNetworks(List<BlockedValue> networks) {
        this.networks = networks;
    }

    /** From a comma-separated list; {@code none} for no submitter networks (only SASL logins submit). */
    static SubmitterNetworks parse(String setting, String list) {
        if (list.strip().equalsIgnoreCase("none")) {
            return new SubmitterNetworks(List.of());
        }
        List<String> values = List.of(list.split(",", -1)).stream().map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw PolicySettings.bad(setting, list, "has an empty item (a list of addresses and CIDR ranges "
                    + "separated by commas, or none)");
        }
        return new SubmitterNetworks(values.stream().map(value -> network(setting, value)).toList());
    }

    private static BlockedValue network(String setting, String value) {
        try {
            return BlockedValue.parse(EntryType.IP, value);
        } catch (InvalidValueException e) {
            // The domain's message starts with its own field name; the setting is named instead.
            String problem = e.getMessage().substring(e.field().length() + 2);
            throw new IllegalArgumentException(setting + ": " + problem);
        }
    }

    /** Whether the client is in one of the networks; an unknown client is in none. */
    public boolean contain(Probe.Ip client) {
        return client != null && networks.stream().anyMatch(network -> network.matches(client));
    }

    @Override
    public String toString() {
        return networks.isEmpty() ? "none" : networks.stream().map(BlockedValue::value).collect(Collectors.joining(","));
    }
}
