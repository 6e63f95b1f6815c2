package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The hand parsers and the text of {@link IpNetwork} must agree with the library on every canonical value. */
class IpNetworkTest {

    @Property(tries = 500)
    void anIpv4ValueParsesAndPrintsAsTheLibrarySays(@ForAll long bits, @ForAll @IntRange(max = 32) int prefix) {
        long network = bits & IpNetwork.ipv4Mask(prefix);
        String dotted = (network >>> 24 & 0xFF) + "." + (network >>> 16 & 0xFF) + "." + (network >>> 8 & 0xFF) + "."
                + (network & 0xFF);
        assertAgreesWithTheLibrary(BlockedValue.parse(EntryType.IP, dotted + "/" + prefix).value());
    }

    @Property(tries = 3000)
    void anIpv6ValueParsesAndPrintsAsTheLibrarySays(@ForAll("halves") long high, @ForAll("halves") long low,
            @ForAll @IntRange(max = 128) int prefix) {
        StringBuilder full = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? high : low;
            full.append(i == 0 ? "" : ":").append(Long.toHexString(half >>> (48 - 16 * (i % 4)) & 0xFFFF));
        }
        IPAddress address = new IPAddressString(full + "/" + prefix).getAddress().toPrefixBlock();
        String canonical = IpAddresses.canonical(address);
        if (IpAddresses.parseCanonical(canonical) == null) {
            return; // IPv4-mapped: an IPv4 value, covered above
        }
        assertAgreesWithTheLibrary(canonical);
    }

    /** Halves with long zero runs and with none, so that every kind of compression comes up. */
    @Provide
    Arbitrary<Long> halves() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, 1L, 0xFFFFL << 16, 0x0001_0000_0000_0001L,
                0x2001_0DB8_0000_0000L, 0x0000_0000_0001_0000L));
    }

    @Test
    void zeroRunsAreCompressedAsTheLibraryDoes() {
        for (String value : new String[] {"::", "::1", "1::", "::/0", "2001:db8::/32", "2001:db8:0:1::/64",
                "1::1:0:0:1:1", "1:0:1::1", "fe80::1:0:0:0/100", "1:0:0:1::/64", "0.0.0.0/0", "255.255.255.255"}) {
            assertAgreesWithTheLibrary(BlockedValue.parse(EntryType.IP, value).value());
        }
    }

    @Test
    void textThatIsNotCanonicalIsRefused() {
        assertThatThrownBy(() -> IpNetwork.of("198.51.100.7/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpNetwork.of("2001:DB8::/32")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpNetwork.of("1::2::3")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertAgreesWithTheLibrary(String canonical) {
        IPAddress address = IpAddresses.parseCanonical(canonical);
        Integer length = address.getNetworkPrefixLength();
        int prefix = length == null ? address.getBitCount() : length;
        IpNetwork network = IpNetwork.of(canonical);
        assertThat(network.ipv6()).isEqualTo(address.isIPv6());
        assertThat(network.prefix()).isEqualTo(prefix);
        if (address.isIPv6()) {
            long[] halves = address.toIPv6().longValues();
            assertThat(network.high()).isEqualTo(halves[0]);
            assertThat(network.low()).isEqualTo(halves[1]);
        } else {
            assertThat(network.low()).isEqualTo(address.toIPv4().longValue());
        }
        assertThat(IpNetwork.text(network.ipv6(), network.prefix(), network.high(), network.low())).isEqualTo(canonical);
    }
}
