package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.InvalidValueException;

class IpNetworksTest {

    private final IpNetworks networks = IpNetworks.parse("SETTING", List.of("10.0.0.0/8", "2001:db8::/32", "192.0.2.1"));

    @Test
    void matchesByContainmentIncludingMappedAddresses() {
        assertThat(networks.contain(Probe.ip("ip", "10.1.2.3"))).isTrue();
        assertThat(networks.contain(Probe.ip("ip", "::ffff:10.1.2.3"))).as("IPv4-mapped IPv6 is IPv4").isTrue();
        assertThat(networks.contain(Probe.ip("ip", "2001:db8:1::1"))).isTrue();
        assertThat(networks.contain(Probe.ip("ip", "192.0.2.2"))).isFalse();
        assertThat(networks.contain(null)).as("an unknown address").isFalse();
        assertThat(networks.values()).containsExactly("10.0.0.0/8", "2001:db8::/32", "192.0.2.1");
    }

    @Test
    void aValueThatIsNotANetworkIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> IpNetworks.parse("SETTING", List.of("10.0.0.0/8", "mail.example")))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("SETTING: 'mail.example'");
    }
}
