package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * An IP block-list value as numbers: the prefix length and the network bits (IPv4: the 32 bits in
 * {@code low}, {@code high} 0; IPv6: the upper and lower 64 bits), and back to canonical text.
 */
record IpNetwork(boolean ipv6, int prefix, long high, long low) {

    /** From a canonical value; IPv4 without the library, as most values of a big list are. */
    static IpNetwork of(String canonical) {
        if (canonical.indexOf(':') < 0) {
            IpNetwork ipv4 = ipv4(canonical);
            if (ipv4 != null) {
                return ipv4;
            }
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

    /** Canonical text: dotted IPv4, compressed lower-case IPv6, a prefix only on ranges. */
    static String text(boolean ipv6, int prefix, long high, long low) {
        if (!ipv6) {
            String dotted = (low >>> 24 & 0xFF) + "." + (low >>> 16 & 0xFF) + "." + (low >>> 8 & 0xFF) + "." + (low & 0xFF);
            return prefix == 32 ? dotted : dotted + "/" + prefix;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (low >>> (56 - 8 * i));
        }
        return IpAddresses.canonical(prefix == 128 ? new IPv6Address(bytes) : new IPv6Address(bytes, prefix));
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
        if (text.charAt(i++) != '/' || i == n || n - i > 2) {
            return null;
        }
        int prefix = 0;
        for (int j = i; j < n; j++) {
            if (!isDigit(text.charAt(j))) {
                return null;
            }
            prefix = prefix * 10 + text.charAt(j) - '0';
        }
        // Canonical ranges have no host bits and no /32; anything else goes to the library, which refuses it.
        if (prefix >= 32 || n - i == 2 && text.charAt(i) == '0' || (address & ~ipv4Mask(prefix)) != 0) {
            return null;
        }
        return new IpNetwork(false, prefix, 0L, address);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
