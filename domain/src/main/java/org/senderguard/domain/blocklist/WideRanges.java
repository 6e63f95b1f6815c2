package org.senderguard.domain.blocklist;

import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The widest IP ranges a block list takes unless the operator says otherwise: {@code 0.0.0.0/0}
 * would block the whole internet without a word. A range whose prefix is shorter than
 * {@code widestIpv4} (IPv4) or {@code widestIpv6} (IPv6) is refused.
 */
public record WideRanges(int widestIpv4, int widestIpv6) {

    public WideRanges {
        if (widestIpv4 < 0 || widestIpv4 > IPv4Address.BIT_COUNT || widestIpv6 < 0
                || widestIpv6 > IPv6Address.BIT_COUNT) {
            throw new IllegalArgumentException("the widest ranges are prefixes of 0-32 (IPv4) and 0-128 (IPv6) bits");
        }
    }

    /** Parses a value and, unless {@code allowWideRanges}, checks it; InvalidValueException naming what is wrong. */
    public BlockedValue parse(EntryType type, String input, boolean allowWideRanges) {
        BlockedValue value = BlockedValue.parse(type, input);
        return allowWideRanges ? value : check(value);
    }

    /** The value, when it is not an IP range wider than allowed; InvalidValueException naming it otherwise. */
    public BlockedValue check(BlockedValue value) {
        if (!value.isRange()) {
            return value;
        }
        // A canonical range is its network and prefix length: it has no host bits set.
        String text = value.value();
        int prefix = Integer.parseInt(text, text.indexOf('/') + 1, text.length(), 10);
        int widest = text.indexOf(':') >= 0 ? widestIpv6 : widestIpv4;
        if (prefix < widest) {
            throw new InvalidValueException("value", FreeText.quoted(value.value()) + " is wider than a /" + widest
                    + "; ranges that wide are refused");
        }
        return value;
    }
}
