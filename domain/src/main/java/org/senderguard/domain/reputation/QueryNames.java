package org.senderguard.domain.reputation;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/** The names to query in a DNS list's zone, as RFC 5782 (section 2) defines them. */
public final class QueryNames {

    private static final int MAX_NAME = 253;
    private static final int MAX_IP_TEXT = 64;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final IPAddressStringParameters SINGLE_ADDRESS;

    static {
        IPAddressStringParameters.Builder builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
                .allowPrefix(false).allow_inet_aton(false).allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);
        builder.getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowBinary(false);
        builder.getIPv6AddressParametersBuilder().allowZone(false).allowBase85(false).allowBinary(false)
                .getEmbeddedIPv4AddressParametersBuilder().allowLeadingZeros(false);
        SINGLE_ADDRESS = builder.toParams();
    }

    private QueryNames() {
    }

    /**
     * IPv4: the octets in reverse order (192.0.2.99 in zone z is 99.2.0.192.z); IPv6: the 32 nibbles
     * of the full address in reverse order, dot-separated (RFC 5782 section 2.4). An IPv4-mapped
     * IPv6 address (::ffff:192.0.2.99) is queried in its IPv4 form.
     */
    public static String forIp(String ip, String zone) {
        IPAddress address = parseIp(ip);
        byte[] bytes = address.getBytes();
        StringBuilder name = new StringBuilder(72 + zone.length());
        if (address.isIPv4()) {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(bytes[i] & 0xff).append('.');
            }
        } else {
            for (int i = bytes.length - 1; i >= 0; i--) {
                name.append(HEX[bytes[i] & 0x0f]).append('.').append(HEX[(bytes[i] >> 4) & 0x0f]).append('.');
            }
        }
        return withZone(name, Zones.canonical("zone", zone), "ip");
    }

    /** The domain as it is (ASCII, IDN labels as punycode, lower case), followed by the zone. */
    public static String forDomain(String domain, String zone) {
        String ascii = DomainName.parse("domain", domain).value();
        return withZone(new StringBuilder(ascii).append('.'), Zones.canonical("zone", zone), "domain");
    }

    private static String withZone(StringBuilder name, String zone, String field) {
        name.append(zone);
        if (name.length() > MAX_NAME) {
            throw new InvalidValueException(field, "too long to query in zone " + zone + ": the name would have "
                    + name.length() + " characters, DNS allows " + MAX_NAME);
        }
        return name.toString();
    }

    private static IPAddress parseIp(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException("ip", "an IP address is required");
        }
        String text = input.strip();
        if (text.length() > 2 && text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        IPAddress address = text.length() > MAX_IP_TEXT ? null : new IPAddressString(text, SINGLE_ADDRESS).getAddress();
        if (address == null || address.isMultiple() || address.getNetworkPrefixLength() != null) {
            throw new InvalidValueException("ip", FreeText.quoted(input) + " is not a single IPv4 or IPv6 address");
        }
        if (address.isIPv6() && address.toIPv6().isIPv4Mapped()) {
            return address.toIPv6().getEmbeddedIPv4Address();
        }
        return address;
    }
}
