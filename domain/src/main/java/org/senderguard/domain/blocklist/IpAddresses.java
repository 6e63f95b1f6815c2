package org.senderguard.domain.blocklist;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.regex.Pattern;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * Parsing and canonical forms of IP addresses and CIDR ranges, all through the ipaddress library.
 * Only the plain notations are accepted: dotted-quad IPv4 without leading zeros (010.1.1.1 is
 * octal to some tools and decimal to others), standard IPv6 text, an optional /prefix. No zones,
 * no ranges or wildcards, no masks, no single-number forms.
 */
final class IpAddresses {

    private static final int MAX_LENGTH = 64;
    private static final Pattern HOST_NAME = Pattern.compile("(?=.*[g-zG-Z_])[A-Za-z0-9_.-]+\\.?");
    private static final Pattern RANGE = Pattern.compile("(?=.*[*-])[0-9A-Fa-f.:*/-]+");
    private static final Pattern MASK = Pattern.compile(".*/.*[.:].*");
    private static final Pattern WITH_PORT = Pattern.compile("[0-9.]+:[0-9]+|\\[[0-9A-Fa-f:.]+\\]:[0-9]+");

    private static final IPAddressStringParameters RANGES = strict(true);
    private static final IPAddressStringParameters ADDRESSES = strict(false);

    /**
     * A URL's host the way browsers read it (WHATWG): 0x7f.1, 2130706433 and 0177.0.0.1 are all
     * 127.0.0.1, so a listed address cannot be dodged by spelling it differently.
     */
    private static final IPAddressStringParameters URL_HOST_V4 = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowPrefix(false).allowMask(false).allowPrefixOnly(false)
            .allowIPv6(false).allowSingleSegment(true).allow_inet_aton(true).allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE).toParams();

    private IpAddresses() {
    }

    private static IPAddressStringParameters strict(boolean allowPrefix) {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
                .allowPrefix(allowPrefix).allow_inet_aton(false).allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false);
        builder.getIPv6AddressParametersBuilder().allowZone(false).allowBase85(false).allowBinary(false)
                .getEmbeddedIPv4AddressParametersBuilder().allowLeadingZeros(false);
        return builder.toParams();
    }

    /** The canonical text of an address or CIDR range, for an IP block-list value. */
    static String canonicalRange(String field, String input) {
        String plain = plainIpv4(input);
        return plain != null ? plain : parsedCanonicalRange(field, input);
    }

    /** {@link #canonicalRange} through the library, for every notation. */
    static String parsedCanonicalRange(String field, String input) {
        IPAddress address = parse(field, input, RANGES, "an IP address or CIDR range");
        if (address.getNetworkPrefixLength() != null && !address.isPrefixBlock()) {
            IPAddress network = mappedToIpv4(address.toPrefixBlock());
            IPAddress single = mappedToIpv4(address.withoutPrefixLength());
            throw new InvalidValueException(field, FreeText.quoted(input) + " has host bits set; did you mean "
                    + canonical(network) + "? (or " + canonical(single) + " for the single address)");
        }
        return canonical(mappedToIpv4(address));
    }

    /**
     * The canonical text of a plain dotted-quad IPv4 address or network (most IP values of a big
     * list), read without the library, whose parse costs many times more: the input itself, less a
     * /32. Null for anything else (leading zeros, host bits set, other notations), which the library
     * then reads and, when it is not a value, explains.
     */
    private static String plainIpv4(String input) {
        int n = input.length();
        long address = 0;
        int i = 0;
        for (int octet = 0; octet < 4; octet++) {
            if (octet > 0) {
                if (i == n || input.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
            int count = digits(input, i, Math.min(n, i + 3));
            if (count == 0 || count > 1 && input.charAt(i) == '0') {
                return null;
            }
            int number = Integer.parseInt(input, i, i + count, 10);
            if (number > 255) {
                return null;
            }
            address = address << 8 | number;
            i += count;
        }
        if (i == n) {
            return input;
        }
        int slash = i;
        int count = digits(input, slash + 1, n);
        if (input.charAt(slash) != '/' || count == 0 || count > 2 || slash + 1 + count != n
                || count > 1 && input.charAt(slash + 1) == '0') {
            return null;
        }
        int prefix = Integer.parseInt(input, slash + 1, n, 10);
        if (prefix > 32 || (address & (0xFFFF_FFFFL >>> prefix)) != 0) {
            return null;
        }
        return prefix == 32 ? input.substring(0, slash) : input;
    }

    /** How many ASCII digits {@code text} has from {@code from}, up to {@code to}. */
    private static int digits(String text, int from, int to) {
        int i = from;
        while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /** A single address (no prefix), IPv4-mapped IPv6 as IPv4. */
    static IPAddress single(String field, String input) {
        return mappedToIpv4(parse(field, Texts.unbracket(input), ADDRESSES, "an IP address"));
    }

    /** True when {@code input} is a single address in the plain notation. */
    static boolean isSingle(String input) {
        return new IPAddressString(input, ADDRESSES).isValid();
    }

    /** True when {@code input} is an address with a prefix, like 198.51.100.0/24. */
    static boolean isRange(String input) {
        IPAddress address = new IPAddressString(input, RANGES).getAddress();
        return address != null && address.getNetworkPrefixLength() != null;
    }

    /** An unbracketed URL host read as IPv4 the way browsers do, or null when it is not one. */
    static IPAddress urlHostIpv4(String host) {
        return new IPAddressString(host, URL_HOST_V4).getAddress();
    }

    /** A bracketed URL host ([2001:db8::1]) as an address, IPv4-mapped IPv6 as IPv4. */
    static IPAddress urlHostIpv6(String field, String original, String inside) {
        IPAddress address = new IPAddressString(inside, ADDRESSES).getAddress();
        if (address == null || !address.isIPv6()) {
            throw new InvalidValueException(field, FreeText.quoted(original) + " has an invalid IPv6 host ["
                    + inside + "]");
        }
        return mappedToIpv4(address);
    }

    /** Parses a canonical value, as stored; null when it is not one. */
    static IPAddress parseCanonical(String canonical) {
        IPAddress address = new IPAddressString(canonical, RANGES).getAddress();
        if (address == null || !canonical.equals(canonicalOrNull(address))) {
            return null;
        }
        return address;
    }

    /** The single canonical text: IPv6 compressed lower case, no prefix on a single address. */
    static String canonical(IPAddress address) {
        Integer prefix = address.getNetworkPrefixLength();
        if (prefix != null && prefix == address.getBitCount()) {
            address = address.withoutPrefixLength();
        }
        return address.toCanonicalString();
    }

    private static String canonicalOrNull(IPAddress address) {
        if (address.getNetworkPrefixLength() != null && !address.isPrefixBlock()) {
            return null;
        }
        return canonical(mappedToIpv4(address));
    }

    private static IPAddress mappedToIpv4(IPAddress address) {
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            Integer prefix = address.getNetworkPrefixLength();
            if (prefix == null || prefix >= 96) {
                return address.toIPv6().getEmbeddedIPv4Address();
            }
        }
        return address;
    }

    private static IPAddress parse(String field, String input, IPAddressStringParameters params, String what) {
        if (input.length() > MAX_LENGTH) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is too long to be " + what);
        }
        try {
            return new IPAddressString(input, params).toAddress();
        } catch (AddressStringException e) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is not " + what
                    + explain(input, e, params == RANGES));
        }
    }

    private static String explain(String input, AddressStringException e, boolean ranges) {
        if (WITH_PORT.matcher(input).matches()) {
            return " (a port is not part of an address)";
        }
        if (input.indexOf('%') >= 0) {
            return " (zone ids such as %eth0 are not allowed)";
        }
        if (HOST_NAME.matcher(input).matches()) {
            return " (host names are not accepted)";
        }
        if (RANGE.matcher(input).matches()) {
            return ranges ? " (ranges and wildcards are not accepted; write a CIDR range such as 198.51.100.0/24)"
                    : " (ranges and wildcards are not accepted: give one address)";
        }
        if (MASK.matcher(input).matches()) {
            return " (masks are not accepted; write a prefix length such as /24)";
        }
        String message = e.getMessage();
        if (message != null && message.contains("starts with zero") && !input.contains(":")) {
            return " (leading zeros are not accepted: some tools read them as octal)";
        }
        if (message != null && message.contains("non-segmented")) {
            return " (an IPv4 address is four numbers separated by dots, such as 192.0.2.1)";
        }
        int at = message == null ? -1 : message.indexOf("error: ");
        String detail = at < 0 ? "" : message.substring(at + "error: ".length()).strip();
        return detail.isEmpty() ? "" : " (" + detail + ")";
    }
}
