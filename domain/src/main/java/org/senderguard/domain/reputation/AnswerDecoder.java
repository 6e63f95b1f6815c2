package org.senderguard.domain.reputation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.senderguard.domain.common.FreeText;

/**
 * Decodes what a DNS list answered for a value. An error code (a blocked resolver, an exceeded
 * quota, a query the zone does not take) is {@link CheckStatus#REFUSED} with the reason, never a
 * listing. Answers outside 127.0.0.0/8 are refused too: a resolver that rewrites NXDOMAIN into
 * the address of a search page must not make everything look listed.
 */
public final class AnswerDecoder {

    private static final Pattern IPV4 = Pattern.compile("(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
            + "(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private static final String RESERVED_LOOPBACK = "127.0.0.1 is never a listing (RFC 5782 reserves it): the list"
            + " refused the query";

    /** Spamhaus's error codes, documented for all its zones. */
    private static final Map<Integer, String> SPAMHAUS_ERRORS = Map.of(
            252, "typing error in the DNSBL zone name",
            254, "query through a public or open resolver, or an unattributable query: Spamhaus does not answer"
                    + " those; use your own recursive resolver or a Spamhaus Data Query Service key",
            255, "excessive number of queries: over the free-use limit");

    private static final Map<Integer, String> ZEN = Map.of(
            2, "SBL: Spamhaus Block List, a spam source or spam operation",
            3, "SBL CSS: low-reputation or snowshoe spam sender (Spamhaus CSS)",
            4, "XBL: exploited or infected host, such as a botnet member or open proxy (CBL data)",
            5, "XBL: exploited or infected host",
            6, "XBL: exploited or infected host",
            7, "XBL: exploited or infected host",
            9, "SBL DROP: network hijacked by or leased to spammers (Spamhaus DROP/EDROP)",
            10, "PBL: end-user range that should not send mail directly (listed by its ISP)",
            11, "PBL: end-user range that should not send mail directly (listed by Spamhaus)");

    private static final Map<Integer, String> DBL = Map.of(
            2, "spam domain",
            4, "phishing domain",
            5, "malware domain",
            6, "botnet command-and-control domain",
            102, "abused legitimate domain, used in spam",
            103, "abused legitimate domain, a spammed redirector",
            104, "abused legitimate domain, used for phishing",
            105, "abused legitimate domain, used for malware",
            106, "abused legitimate domain, used for botnet command and control");

    /** SURBL multi sub-lists by bit; 2, 4 and 32 belonged to sub-lists SURBL has retired. */
    private static final Map<Integer, String> SURBL_BITS = Map.of(
            8, "PH: phishing site",
            16, "MW: malware site",
            64, "ABUSE: spam and other abuse site",
            128, "CR: cracked site, a legitimate site taken over by abusers");

    private static final Map<Integer, String> URIBL_BITS = Map.of(
            2, "black: domain belonging to or used by spammers",
            4, "grey: domain of a bulk sender whose mail is often unsolicited",
            8, "red: domain seen in current unsolicited mail, not yet reviewed for black");

    private AnswerDecoder() {
    }

    /** Decodes the A records a list returned for a value. Error codes are REFUSED with the reason, never LISTED. */
    public static CheckResult decode(ThirdPartyList list, List<String> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return notListed(list);
        }
        List<Code> codes = addresses.stream()
                .map(address -> address == null ? "" : address.strip())
                .distinct()
                .map(address -> decode(list.scheme(), address))
                .sorted(Comparator.comparingLong(Code::order).thenComparing(Code::address))
                .toList();
        List<String> answered = codes.stream().map(Code::address).toList();
        List<Code> errors = codes.stream().filter(Code::error).toList();
        if (!errors.isEmpty()) {
            return new CheckResult(list.name(), CheckStatus.REFUSED, answered, meanings(errors),
                    "refused: " + summary(errors), null);
        }
        return new CheckResult(list.name(), CheckStatus.LISTED, answered, meanings(codes), "listed: " + summary(codes),
                list.delistUrl());
    }

    public static CheckResult notListed(ThirdPartyList list) {
        return new CheckResult(list.name(), CheckStatus.NOT_LISTED, List.of(), List.of(), "not listed", null);
    }

    /** No usable answer: a timeout or a server failure. */
    public static CheckResult error(ThirdPartyList list, String detail) {
        return new CheckResult(list.name(), CheckStatus.ERROR, List.of(), List.of(), detail, null);
    }

    private static Code decode(AnswerScheme scheme, String address) {
        if (!IPV4.matcher(address).matches()) {
            return Code.error(address, -1, "not a DNSBL answer: " + FreeText.quoted(address)
                    + " is not an IPv4 address");
        }
        int[] octets = octets(address);
        long order = ((long) octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3];
        if (octets[0] != 127) {
            return Code.error(address, order, "not a DNSBL answer: " + address + " is outside 127.0.0.0/8, the"
                    + " resolver may be hijacking NXDOMAIN");
        }
        if (octets[1] == 255 && octets[2] == 255) {
            String known = SPAMHAUS_ERRORS.get(octets[3]);
            return Code.error(address, order, known != null ? known
                    : "error code " + address + ": the list refused the query");
        }
        boolean zeroNet = octets[1] == 0 && octets[2] == 0;
        int last = octets[3];
        return switch (scheme) {
            case SPAMHAUS_ZEN -> {
                if (octets[1] == 0 && octets[2] == 1 && last == 255) {
                    yield Code.error(address, order, "Spamhaus error code: this zone does not take this query");
                }
                yield spamhaus(address, order, zeroNet ? ZEN.get(last) : null, zeroNet && last == 1);
            }
            case SPAMHAUS_DBL -> {
                boolean dblNet = octets[1] == 0 && octets[2] == 1;
                if (dblNet && last == 255) {
                    yield Code.error(address, order, "IP queries prohibited: the DBL lists domains, not IP"
                            + " addresses");
                }
                yield spamhaus(address, order, dblNet ? DBL.get(last) : null, zeroNet && last == 1);
            }
            case SURBL -> zeroNet ? bitmask(address, order, last, SURBL_BITS, "SURBL",
                    "access denied: the query was blocked, the resolver is over quota or blocked (such as a"
                            + " public DNS service)")
                    : Code.listed(address, order, "listed (return code " + address + ")");
            case URIBL -> zeroNet ? bitmask(address, order, last, URIBL_BITS, "URIBL",
                    "query refused: URIBL refuses public resolvers and sources over its free-use limit")
                    : Code.listed(address, order, "listed (return code " + address + ")");
            case INVALUEMENT -> {
                if (zeroNet && last == 1) {
                    yield Code.error(address, order, RESERVED_LOOPBACK);
                }
                yield Code.listed(address, order, zeroNet && last == 2 ? "ivmSIP: IP address that sends only spam"
                        : "listed by invaluement (return code " + address + ")");
            }
            case PLAIN -> zeroNet && last == 1 ? Code.error(address, order, RESERVED_LOOPBACK)
                    : Code.listed(address, order, "listed");
        };
    }

    private static Code spamhaus(String address, long order, String meaning, boolean loopback) {
        if (loopback) {
            return Code.error(address, order, RESERVED_LOOPBACK);
        }
        return Code.listed(address, order, meaning != null ? meaning : "listed (return code " + address + ")");
    }

    private static Code bitmask(String address, long order, int mask, Map<Integer, String> bits, String list,
                                String refused) {
        if ((mask & 1) != 0) {
            return Code.error(address, order, refused);
        }
        if (mask == 0) {
            return Code.error(address, order, "not a listing code: " + address + " names no " + list + " sub-list");
        }
        List<String> meanings = new ArrayList<>();
        for (int bit = 2; bit <= 128; bit <<= 1) {
            if ((mask & bit) != 0) {
                String known = bits.get(bit);
                meanings.add(known != null ? known : (list.equals("SURBL") ? "retired" : "unknown") + " " + list
                        + " sub-list (bit " + bit + ")");
            }
        }
        return new Code(address, order, false, meanings);
    }

    private static int[] octets(String address) {
        String[] parts = address.split("\\.");
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(parts[i]);
        }
        return octets;
    }

    private static List<String> meanings(List<Code> codes) {
        Set<String> meanings = new LinkedHashSet<>();
        codes.forEach(code -> meanings.addAll(code.meanings()));
        return List.copyOf(meanings);
    }

    private static String summary(List<Code> codes) {
        return codes.stream()
                .map(code -> String.join(", ", code.meanings()) + " (" + code.address() + ")")
                .collect(Collectors.joining("; "));
    }

    /** One returned address: what it means, and whether it is an error rather than a listing. */
    private record Code(String address, long order, boolean error, List<String> meanings) {

        static Code listed(String address, long order, String meaning) {
            return new Code(address, order, false, List.of(meaning));
        }

        static Code error(String address, long order, String reason) {
            return new Code(address, order, true, List.of(reason));
        }
    }
}
