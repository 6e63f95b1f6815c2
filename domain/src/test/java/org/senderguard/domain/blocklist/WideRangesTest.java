package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.InvalidValueException;

class WideRangesTest {

    private final WideRanges bounds = new WideRanges(8, 32);

    @Test
    void rangesUpToTheBoundsPassAndWiderOnesAreRefusedByName() {
        for (String value : new String[] {"10.0.0.0/8", "198.51.100.7", "2001:db8::/32", "2001:db8::1"}) {
            BlockedValue ok = BlockedValue.parse(EntryType.IP, value);
            assertThat(bounds.check(ok)).isEqualTo(ok);
        }
        assertThatThrownBy(() -> bounds.check(BlockedValue.parse(EntryType.IP, "0.0.0.0/0")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'0.0.0.0/0' is wider than a /8");
        assertThatThrownBy(() -> bounds.check(BlockedValue.parse(EntryType.IP, "10.0.0.0/7")))
                .hasMessageContaining("'10.0.0.0/7' is wider than a /8");
        assertThatThrownBy(() -> bounds.check(BlockedValue.parse(EntryType.IP, "::/0")))
                .hasMessageContaining("'::/0' is wider than a /32");
        assertThatThrownBy(() -> bounds.check(BlockedValue.parse(EntryType.IP, "::ffff:0.0.0.0/96")))
                .as("IPv4-mapped: checked as the IPv4 range it is").hasMessageContaining("wider than a /8");
        assertThat(new WideRanges(0, 0).check(BlockedValue.parse(EntryType.IP, "::/0")).value()).isEqualTo("::/0");
    }

    @Test
    void otherTypesAreNotRanges() {
        BlockedValue domain = BlockedValue.parse(EntryType.DOMAIN, "*.example.com");
        assertThat(bounds.check(domain)).isEqualTo(domain);
    }
}
