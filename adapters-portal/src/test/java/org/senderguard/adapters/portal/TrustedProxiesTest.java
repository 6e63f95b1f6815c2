package org.senderguard.adapters.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.senderguard.domain.blocklist.Probe;

class TrustedProxiesTest {

    @Test
    void onlyTheListedProxiesAreBelieved() {
        TrustedProxies proxies = TrustedProxies.parse("setting", " 10.0.0.0/8, 2001:db8::5 ,");

        assertThat(proxies.trusts(Probe.ip("ip", "10.1.2.3"))).isTrue();
        assertThat(proxies.trusts(Probe.ip("ip", "2001:db8::5"))).isTrue();
        assertThat(proxies.trusts(Probe.ip("ip", "::ffff:10.9.9.9"))).as("IPv4-mapped").isTrue();
        assertThat(proxies.trusts(Probe.ip("ip", "11.0.0.1"))).isFalse();
        assertThat(proxies.trusts(Probe.ip("ip", "2001:db8::6"))).isFalse();
    }

    @Test
    void noneListedBelievesNobody() {
        assertThat(TrustedProxies.parse("setting", "").trusts(Probe.ip("ip", "127.0.0.1"))).isFalse();
    }

    @Test
    void aBadEntryStopsTheServerNamingTheSetting() {
        assertThatThrownBy(() -> TrustedProxies.parse("SENDERGUARD_PORTAL_TRUSTED_PROXIES", "10.0.0.0/8, proxy.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("SENDERGUARD_PORTAL_TRUSTED_PROXIES: ")
                .hasMessageContaining("proxy.example");
    }
}
