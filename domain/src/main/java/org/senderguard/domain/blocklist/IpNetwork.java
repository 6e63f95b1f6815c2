package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;

/**
 * An IP block-list value as numbers: the prefix length and the network bits (IPv4: the 32 bits in
 * {@code low}, {@code high} 0; IPv6: the upper and lower 64 bits), and back to canonical text.
 */
record IpNetwork(boolean ipv6, int prefix, long high, long low) {

    /**
     * From a canonical value, parsed by hand: loading a list of millions should not take seconds.
     * What the hand parsers do not expect goes to the library.
     */
    static IpNetwork of(String canonical) {
        IpNetwork parsed = canonical.indexOf(':') < 0 ? ipv4(canonical) : ipv6(canonical);
        if (parsed != null) {
            return parsed;
        }
        IPAddress address = IpAddresses.parseCanonical(canonical);
        if (address == null) {
            throw new IllegalArgumentException("not a canonical IP value: " + canonical);
        }
        Integer length = address.getNetworkPrefixLength();
        int prefix = length == null ? address.getBitCount() : length;
        if (address.isIPv6()) {
            long[] halves = address.toIPv6().longValues();
            return new IpNetwork(true, prefix, ipv6High(halves[0], prefix), ipv6Low(halves[1], prefix));
        }
        return new IpNetwork(false, prefix, 0L, address.toIPv4().longValue() & ipv4Mask(prefix));
    }

    /**
     * Canonical text, as the library writes it but without its objects, for every entry found: dotted
     * IPv4; IPv6 in lower-case hex groups without leading zeros, the longest run of two or more zero
     * groups (the first of equals) written {@code ::}; a prefix only on ranges.
     */
    static String text(boolean ipv6, int prefix, long high, long low) {
        StringBuilder text = new StringBuilder(ipv6 ? 44 : 18);
        if (!ipv6) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                text.append(low >>> shift & 0xFF).append(shift == 0 ? "" : ".");
            }
            return (prefix == 32 ? text : text.append('/').append(prefix)).toString();
        }
        int runStart = -1;
        int runLength = 1; // a single zero group is not compressed
        for (int g = 0, start = -1; g <= 8; g++) {
            if (g < 8 && group(high, low, g) == 0) {
                start = start < 0 ? g : start;
            } else if (start >= 0) {
                if (g - start > runLength) {
                    runStart = start;
                    runLength = g - start;
                }
                start = -1;
            }
        }
        for (int g = 0; g < 8; g++) {
            if (g == runStart) {
                text.append("::");
                g += runLength - 1;
            } else {
                text.append(g == 0 || g == runStart + runLength && runStart >= 0 ? "" : ":")
                        .append(Integer.toHexString(group(high, low, g)));
            }
        }
        return (prefix == 128 ? text : text.append('/').append(prefix)).toString();
    }

    /** The IPv6 address's 16-bit group {@code g} (0 to 7). */
    private static int group(long high, long low, int g) {
        return (int) ((g < 4 ? high : low) >>> (48 - 16 * (g % 4))) & 0xFFFF;
    }

    static long ipv4Mask(int prefix) {
        return prefix == 0 ? 0L : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    static long ipv6High(long high, int prefix) {
        return prefix >= 64 ? high : prefix == 0 ? 0L : high & (-1L << (64 - prefix));
    }

    static long ipv6Low(long low, int prefix) {
        return prefix <= 64 ? 0L : low & (-1L << (128 - prefix));
    }

    /** Canonical dotted IPv4 with an optional prefix, parsed by hand; null for anything else. */
    private static IpNetwork ipv4(String text) {
        long address = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i < n && octets < 4) {
            int start = i;
            int octet = 0;
            while (i < n && i - start < 3 && isDigit(text.charAt(i))) {
                octet = octet * 10 + text.charAt(i++) - '0';
            }
            if (i == start || octet > 255 || i - start > 1 && text.charAt(start) == '0') {
                return null;
            }
            address = address << 8 | octet;
            octets++;
            if (octets < 4 && (i >= n || text.charAt(i++) != '.')) {
                return null;
            }
        }
        if (octets != 4) {
            return null;
        }
        if (i == n) {
            return new IpNetwork(false, 32, 0L, address);
        }
        if (text.charAt(i) != '/') {
            return null;
        }
        int prefix = decimal(text, i + 1);
        // Canonical ranges have no host bits and no /32; anything else goes to the library, which refuses it.
        if (prefix < 0 || prefix >= 32 || (address & ~ipv4Mask(prefix)) != 0) {
            return null;
        }
        return new IpNetwork(false, prefix, 0L, address);
    }

    /** Compressed hex groups with an optional prefix; null for anything else (mixed notation, say). */
    private static IpNetwork ipv6(String text) {
        int slash = text.indexOf('/');
        int end = slash < 0 ? text.length() : slash;
        int prefix = slash < 0 ? 128 : decimal(text, slash + 1);
        if (prefix < 0 || prefix > 128) {
            return null;
        }
        long[] groups = new long[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        }
        while (i < end) {
            int start = i;
            long group = 0;
            while (i < end && i - start < 4 && hexDigit(text.charAt(i)) >= 0) {
                group = group << 4 | hexDigit(text.charAt(i++));
            }
            if (i == start || count == 8) {
                return null;
            }
            groups[count++] = group;
            if (i == end) {
                break;
            }
            if (text.charAt(i++) != ':' || i == end) {
                return null;
            }
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        long high = 0;
        long low = 0;
        int zeros = 8 - count;
        for (int g = 0, k = 0; g < 8; g++) {
            long group = gap >= 0 && g >= gap && g < gap + zeros ? 0 : groups[k++];
            if (g < 4) {
                high = high << 16 | group;
            } else {
                low = low << 16 | group;
            }
        }
        return new IpNetwork(true, prefix, ipv6High(high, prefix), ipv6Low(low, prefix));
    }

    /** The unsigned decimal from {@code from} to the end (at most three digits), or -1. */
    private static int decimal(String text, int from) {
        int n = text.length();
        if (from == n || n - from > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < n; i++) {
            if (!isDigit(text.charAt(i))) {
                return -1;
            }
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }

    /** A lower-case hex digit's value, as canonical text has them; -1 for any other char. */
    private static int hexDigit(char c) {
        return isDigit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
