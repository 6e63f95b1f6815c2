package org.senderguard.adapters.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.DnsResolver.Answer.Outcome;

@RequiresRbldnsd
class RbldnsdTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void servesZonesGivenAsTextAndReloadsThemOnUpdate() {
        Rbldnsd.Zone listed = Rbldnsd.Zone.of("bl.test", "ip4set", "$TTL 60\n:127.0.0.2:\n198.51.100.7\n");
        try (Rbldnsd dns = Rbldnsd.start(listed)) {
            assertThat(dns.address()).isEqualTo("127.0.0.1:" + dns.port());
            DnsjavaResolver resolver = new DnsjavaResolver(dns.address());
            assertThat(resolver.queryA("7.100.51.198.bl.test", TIMEOUT).addresses()).containsExactly("127.0.0.2");
            assertThat(resolver.queryA("7.100.51.198.bl.test", TIMEOUT).ttl()).isEqualTo(Duration.ofSeconds(60));

            dns.update(Rbldnsd.Zone.of("bl.test", "ip4set", "$TTL 60\n:127.0.0.2:\n198.51.100.8\n"));
            assertThat(resolver.queryA("7.100.51.198.bl.test", TIMEOUT).outcome()).isEqualTo(Outcome.NXDOMAIN);
            assertThat(resolver.queryA("8.100.51.198.bl.test", TIMEOUT).addresses()).containsExactly("127.0.0.2");
        }
    }

    @Test
    void runsSeveralServersSideBySide() {
        try (Rbldnsd one = MimicLists.start(); Rbldnsd two = MimicLists.start()) {
            assertThat(one.port()).isNotEqualTo(two.port());
            assertThat(new DnsjavaResolver(two.address()).queryA("2.2.0.192." + MimicLists.ZEN, TIMEOUT).addresses())
                    .containsExactly("127.0.0.2");
        }
    }
}
