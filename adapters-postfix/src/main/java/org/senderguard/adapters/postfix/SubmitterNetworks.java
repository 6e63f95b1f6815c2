package org.senderguard.adapters.postfix;

import java.util.List;
import org.senderguard.domain.blocklist.IpNetworks;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The clients whose mail counts as a tenant's own submission without a SASL login
 * ({@code SENDERGUARD_POLICY_SUBMITTERS}): addresses and CIDR ranges, v4 and v6, or {@code none}.
 */
public final class SubmitterNetworks {

    private final IpNetworks networks;

    private SubmitterNetworks(IpNetworks networks) {
        this.networks = networks;
    }

    /** From a comma-separated list; {@code none} for no submitter networks (only SASL logins submit). */
    static SubmitterNetworks parse(String setting, String list) {
        if (list.strip().equalsIgnoreCase("none")) {
            return new SubmitterNetworks(IpNetworks.parse(setting, List.of()));
        }
        List<String> values = List.of(list.split(",", -1)).stream().map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw PolicySettings.bad(setting, list, "has an empty item (a list of addresses and CIDR ranges "
                    + "separated by commas, or none)");
        }
        try {
            return new SubmitterNetworks(IpNetworks.parse(setting, values));
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** Whether the client is in one of the networks; an unknown client is in none. */
    public boolean contain(Probe.Ip client) {
        return networks.contain(client);
    }

    @Override
    public String toString() {
        List<String> values = networks.values();
        return values.isEmpty() ? "none" : String.join(",", values);
    }
}
