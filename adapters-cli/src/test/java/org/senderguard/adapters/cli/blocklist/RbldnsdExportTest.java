package org.senderguard.adapters.cli.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.senderguard.adapters.dns.DnsjavaResolver;
import org.senderguard.adapters.dns.Rbldnsd;
import org.senderguard.adapters.dns.RequiresRbldnsd;
import org.senderguard.application.port.out.DnsResolver.Answer;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.delisting.DelistPlan;
import org.xbill.DNS.ReverseMap;

/** The export served by a real rbldnsd answers every address as mail flow tells its sender, range exceptions included. */
@RequiresRbldnsd
class RbldnsdExportTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String ZONE = "bl.test";
    private static final String LISTED = "127.0.0.2";
    private static final String NOT_DELISTABLE = "127.0.0.3";

    private final List<BlockListEntry> entries = List.of(
            ip("198.51.100.0/24", true, "198.51.100.7"),
            // Inside a range the portal cannot lift: answered as that range answers, and so is its
            // exception, still listed by the wider range rather than excluded.
            ip("203.0.113.0/24", true, "203.0.113.7"),
            ip("203.0.0.0/16", false),
            // Still listed by itself.
            ip("192.0.2.7", false),
            ip("192.0.2.0/24", true, "192.0.2.7"),
            // Excepted by both ranges: excluded once.
            ip("10.0.0.0/8", true, "10.1.2.3"),
            ip("10.1.0.0/16", true, "10.1.2.3"),
            // Between octet boundaries rbldnsd stores both ranges address by address, at one level
            // (the /28 has the one exception the portal gives it, so the portal lifts no more).
            ip("198.18.0.0/28", true, "198.18.0.5"),
            ip("198.18.0.0/26", false),
            ip("2001:db8::/32", true, "2001:db8::7"),
            ip("2001:db8:2::/48", true, "2001:db8:2::7"),
            ip("2001:db8:2::/47", false),
            // The wider range's exception at the narrower one's first address: it still covers the rest.
            ip("172.16.0.0/12", false, "172.16.5.0"),
            ip("172.16.5.0/24", true),
            // A /28 gives the portal one exception: once it has it, the portal lifts nothing more.
            ip("198.19.0.0/28", true, "198.19.0.1"),
            // The portal lifts no domain, delistable or not.
            new BlockListEntry(UUID.randomUUID(), null, BlockedValue.parse(EntryType.DOMAIN, "spam.example"), "spam",
                    EntrySource.MANUAL, "operator", NOW, null, null, true, Set.of()));

    @Test
    void writesExclusionsForExceptionsAndListsAgainWhatOtherEntriesStillList() throws IOException {
        assertThat(export()).isEqualTo("""
                # senderguard service block list
                $DATASET ip4set:senderguard-ip4 @
                %1$s
                198.51.100.0/24
                203.0.113.0/24 %2$s
                203.0.0.0/16 %2$s
                192.0.2.7 %2$s
                192.0.2.0/24
                10.0.0.0/8
                10.1.0.0/16
                198.18.0.0/28 %2$s
                198.18.0.0/26 %2$s
                172.16.0.0/12 %2$s
                172.16.5.0/24 %2$s
                198.19.0.0/28 %2$s
                !198.51.100.7
                !203.0.113.7
                !192.0.2.7
                !10.1.2.3
                !198.18.0.5
                !172.16.5.0
                !198.19.0.1
                $DATASET ip4set:senderguard-ip4-relisted @
                %1$s
                203.0.113.7 %2$s
                192.0.2.7 %2$s
                198.18.0.5 %2$s
                172.16.5.0
                $DATASET ip6trie:senderguard-ip6 @
                %1$s
                2001:db8::/32
                2001:db8:2::/48 %2$s
                2001:db8:2::/47 %2$s
                !2001:db8::7
                !2001:db8:2::7
                $DATASET ip6trie:senderguard-ip6-relisted @
                %1$s
                2001:db8:2::7 %2$s
                $DATASET dnset:senderguard-domains @
                %2$s
                spam.example
                """.formatted(RbldnsdExport.DELISTABLE, RbldnsdExport.NOT_DELISTABLE));
    }

    @Test
    void rbldnsdListsTheRangesButNotTheirExceptions() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("198.51.100.8", LISTED);
        expected.put("198.51.100.7", null);
        expected.put("203.0.113.8", NOT_DELISTABLE);
        expected.put("203.0.113.7", NOT_DELISTABLE);
        expected.put("192.0.2.8", LISTED);
        expected.put("192.0.2.7", NOT_DELISTABLE);
        expected.put("10.1.2.4", LISTED);
        expected.put("10.1.2.3", null);
        expected.put("198.18.0.5", NOT_DELISTABLE);
        expected.put("198.18.0.40", NOT_DELISTABLE);
        expected.put("198.19.0.2", NOT_DELISTABLE);
        expected.put("198.19.0.1", null);
        expected.put("2001:db8::8", LISTED);
        expected.put("2001:db8::7", null);
        expected.put("2001:db8:2::7", NOT_DELISTABLE);
        expected.put("2001:db8:2::8", NOT_DELISTABLE);
        expected.put("172.16.5.1", NOT_DELISTABLE);
        expected.put("172.16.5.0", LISTED);
        expected.put("172.17.0.1", NOT_DELISTABLE);
        try (Rbldnsd dns = Rbldnsd.start(Rbldnsd.Zone.of(ZONE, "combined", export()))) {
            DnsjavaResolver resolver = new DnsjavaResolver(dns.address());
            expected.forEach((ip, answer) -> {
                Answer found = resolver.queryA(queryName(ip), Duration.ofSeconds(2));
                assertThat(found.outcome()).as("%s\n%s", ip, dns.log())
                        .isEqualTo(answer == null ? Answer.Outcome.NXDOMAIN : Answer.Outcome.ADDRESSES);
                if (answer != null) {
                    assertThat(found.addresses()).as(ip).containsExactly(answer);
                }
                List<BlockListEntry> matching = entries.stream().filter(e -> e.matches(Probe.ip(ip), NOW)).toList();
                assertThat(matching.isEmpty() ? null
                        : matching.stream().allMatch(DelistPlan::portalCanLift) ? LISTED : NOT_DELISTABLE)
                        .as("%s answers as mail flow tells its sender", ip).isEqualTo(answer);
            });
            assertThat(resolver.queryA("spam.example." + ZONE, Duration.ofSeconds(2)).addresses())
                    .as("a domain: Support, not the portal").containsExactly(NOT_DELISTABLE);
        }
    }

    private String export() throws IOException {
        StringWriter out = new StringWriter();
        RbldnsdExport.write(entries::forEach, out);
        return out.toString();
    }

    private static BlockListEntry ip(String value, boolean delistable, String... exceptions) {
        return new BlockListEntry(UUID.randomUUID(), null, BlockedValue.parse(EntryType.IP, value), "spam",
                EntrySource.MANUAL, "operator", NOW, null, null, delistable, new LinkedHashSet<>(List.of(exceptions)));
    }

    /** 7.100.51.198.bl.test, or the nibbles of an IPv6 address. */
    private static String queryName(String ip) {
        try {
            return ReverseMap.fromAddress(ip).toString().replaceFirst("(in-addr|ip6)\\.arpa\\.$", ZONE);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
