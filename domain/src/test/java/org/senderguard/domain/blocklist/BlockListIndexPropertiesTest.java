package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * The index, and a lookup by {@link ListingKeys}, must agree with the plain definition
 * ({@link BlockListEntry#matches}) for every probe:
 * random lists of all four types, with shared values, expired entries and IP ranges with exceptions,
 * and probes drawn to land on, inside, just beside and just outside what is listed, and on the exceptions.
 */
class BlockListIndexPropertiesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static final Long[] IPV4_BASES = {0x0A000000L, 0x0A000100L, 0xC0000200L, 0xC6336400L, 0xCB007100L};
    private static final Long[] IPV6_HIGHS = {0x20010DB800000000L, 0x20010DB800010000L, 0x20010DB8FFFF0000L,
            0xFE80000000000000L};
    private static final String[] DOMAINS = {"contoso.com", "example.co.uk", "bad-example.net", "xn--bcher-kva.example"};
    private static final String[] LABELS = {"a", "b", "mail", "x"};
    private static final String[] SEGMENTS = {"p", "pa", "a", "login", "P"};

    record Scenario(List<BlockListEntry> entries, List<Probe> probes, List<Integer> removals,
            List<Tuple2<Integer, Integer>> replacements) {
    }

    /**
     * {@code ipv4BlocksFrom}: 0 keeps the per-/16 masks from the start, 5 switches them on and off as
     * the list grows and shrinks, 4096 never within these lists.
     */
    @Property(tries = 150)
    void indexAgreesWithAPlainScan(@ForAll("scenarios") Scenario scenario,
            @ForAll("ipv4BlocksFrom") int ipv4BlocksFrom) {
        BlockListIndex index = new BlockListIndex(ipv4BlocksFrom);
        Map<UUID, BlockListEntry> current = new LinkedHashMap<>();
        for (BlockListEntry entry : scenario.entries()) {
            index.put(ListedEntry.of(entry));
            current.put(entry.id(), entry);
        }
        assertAgrees(index, current, scenario.probes());

        List<BlockListEntry> entries = scenario.entries();
        for (int pick : scenario.removals()) {
            UUID id = entries.get(pick % entries.size()).id();
            index.remove(id);
            current.remove(id);
            assertThat(index.get(id)).isEmpty();
        }
        index.remove(UUID.randomUUID());
        for (Tuple2<Integer, Integer> replacement : scenario.replacements()) {
            BlockListEntry target = entries.get(replacement.get1() % entries.size());
            BlockListEntry source = entries.get(replacement.get2() % entries.size());
            BlockListEntry replaced = new BlockListEntry(target.id(), null, source.value(), "replaced",
                    EntrySource.IMPORT, "someone else", NOW, source.expiresAt(), "n", false, source.exceptions());
            index.put(ListedEntry.of(replaced));
            current.put(replaced.id(), replaced);
        }
        assertAgrees(index, current, scenario.probes());

        current.keySet().forEach(index::remove);
        assertThat(index.size()).isZero();
        assertAgrees(index, Map.of(), scenario.probes());
    }

    private static void assertAgrees(BlockListIndex index, Map<UUID, BlockListEntry> current, List<Probe> probes) {
        assertThat(index.size()).isEqualTo(current.size());
        current.values().forEach(entry -> assertThat(index.get(entry.id())).contains(ListedEntry.of(entry)));
        for (Probe probe : probes) {
            Set<UUID> expected = current.values().stream().filter(e -> e.matches(probe, NOW))
                    .map(BlockListEntry::id).collect(Collectors.toSet());
            List<ListedEntry> found = index.matches(probe, NOW);
            assertThat(found.stream().map(ListedEntry::id).collect(Collectors.toSet()))
                    .as("entries matching %s", probe.value()).isEqualTo(expected);
            assertThat(found).as("no entry twice").doesNotHaveDuplicates();
            ListingKeys keys = ListingKeys.of(probe);
            assertThat(current.values().stream().filter(e -> keys.lists(e, NOW)).map(BlockListEntry::id)
                    .collect(Collectors.toSet())).as("entries listed under the keys of %s", probe.value())
                    .isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<Integer> ipv4BlocksFrom() {
        return Arbitraries.of(0, 5, 4096);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<BlockListEntry>> entries = entry().list().ofMinSize(1).ofMaxSize(50).map(list -> {
            List<BlockListEntry> withIds = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                BlockListEntry e = list.get(i);
                withIds.add(new BlockListEntry(new UUID(0, i + 1), e.tenant(), e.value(), e.reason(), e.source(),
                        e.createdBy(), e.createdAt(), e.expiresAt(), e.notes(), e.delistable(), e.exceptions()));
            }
            return withIds;
        });
        return entries.flatMap(list -> Combinators.combine(
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of(list).flatMap(this::near)),
                        Tuple.of(1, randomProbe())).list().ofMinSize(1).ofMaxSize(40),
                Arbitraries.integers().between(0, 1000).list().ofMaxSize(20),
                Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 1000))
                        .as(Tuple::of).list().ofMaxSize(5))
                .as((probes, removals, replacements) -> new Scenario(list, probes, removals, replacements)));
    }

    // ---- entries -------------------------------------------------------------------------------

    private Arbitrary<BlockListEntry> entry() {
        Arbitrary<Instant> expiry = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(null)),
                Tuple.of(1, Arbitraries.just(NOW)),
                Tuple.of(1, Arbitraries.longs().between(1, 100_000).map(NOW::minusSeconds)),
                Tuple.of(3, Arbitraries.longs().between(1, 100_000).map(NOW::plusSeconds)));
        return value().flatMap(value -> Combinators.combine(expiry, Arbitraries.of(EntrySource.class),
                        Arbitraries.of("spam", "import"), exceptions(value))
                .as((expiresAt, source, reason, exceptions) -> new BlockListEntry(new UUID(0, 0), null, value, reason,
                        source, "operator", NOW.minusSeconds(200_000), expiresAt, null, true, exceptions)));
    }

    /** For an IP range, often none, else a few addresses inside it. */
    private Arbitrary<Set<String>> exceptions(BlockedValue value) {
        if (value.type() != EntryType.IP || !value.value().contains("/")) {
            return Arbitraries.just(Set.of());
        }
        Network network = network(value.value());
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Set.of())),
                Tuple.of(1, Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                        .as((high, low) -> inside(network, high, low)).set().ofMinSize(1).ofMaxSize(3)));
    }

    private Arbitrary<BlockedValue> value() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, ipv4Text().map(text -> BlockedValue.parse(EntryType.IP, text))),
                Tuple.of(2, ipv6Text().map(text -> BlockedValue.parse(EntryType.IP, text))),
                Tuple.of(3, domainPattern().map(text -> BlockedValue.parse(EntryType.DOMAIN, text))),
                Tuple.of(1, address().map(text -> BlockedValue.parse(EntryType.SENDER, text))),
                Tuple.of(3, urlPattern().map(text -> BlockedValue.parse(EntryType.URL, text))));
    }

    /** A network, sometimes written as an IPv4-mapped IPv6 address or range. */
    private Arbitrary<String> ipv4Text() {
        return Combinators.combine(Arbitraries.of(IPV4_BASES), Arbitraries.longs().between(0, 1023),
                Arbitraries.of(0, 8, 12, 15, 16, 17, 23, 24, 24, 25, 28, 31, 32, 32, 32, 32), Arbitraries.integers().between(0, 5))
                .as((base, offset, prefix, style) -> {
                    long network = (base + offset) & ipv4Mask(prefix);
                    String dotted = dotted(network);
                    if (style == 0) {
                        return "::ffff:" + dotted + "/" + (96 + prefix);
                    }
                    return prefix == 32 && style == 1 ? "::ffff:" + dotted : dotted + "/" + prefix;
                });
    }

    private Arbitrary<String> ipv6Text() {
        return Combinators.combine(Arbitraries.of(IPV6_HIGHS), Arbitraries.of(0L, 1L, 0xFFL, 0x1234_5678_9ABC_DEF0L),
                Arbitraries.of(0, 16, 32, 48, 56, 63, 64, 65, 96, 120, 127, 128, 128, 128))
                .as((high, low, prefix) -> hex(high & ipv6HighMask(prefix), low & ipv6LowMask(prefix)) + "/" + prefix);
    }

    private Arbitrary<String> domain() {
        return Combinators.combine(Arbitraries.of(DOMAINS), Arbitraries.of(LABELS).list().ofMaxSize(2))
                .as((base, labels) -> String.join("", labels.stream().map(l -> l + ".").toList()) + base);
    }

    private Arbitrary<String> domainPattern() {
        return Combinators.combine(domain(), Arbitraries.of(true, false, false))
                .as((domain, wildcard) -> wildcard ? "*." + domain : domain);
    }

    private Arbitrary<String> address() {
        return Combinators.combine(Arbitraries.of("alice", "bob"), domain()).as((local, domain) -> local + "@" + domain);
    }

    private Arbitrary<String> path() {
        return Combinators.combine(Arbitraries.of(SEGMENTS).list().ofMaxSize(3), Arbitraries.of(true, false, false))
                .as((segments, slash) -> segments.stream().map(s -> "/" + s).collect(Collectors.joining())
                        + (slash ? "/" : ""));
    }

    private Arbitrary<String> urlPattern() {
        Arbitrary<String> host = Arbitraries.frequencyOf(
                Tuple.of(4, domainPattern()),
                Tuple.of(1, Arbitraries.of("198.51.100.7", "[2001:db8::1]")));
        return Combinators.combine(host, path()).as((h, p) -> h + p);
    }

    // ---- probes --------------------------------------------------------------------------------

    private Arbitrary<Probe> randomProbe() {
        return Arbitraries.oneOf(
                ipv4Text().map(text -> Probe.ip(dotted(network(text).low))),
                domain().map(Probe::parse),
                address().map(Probe::parse),
                Combinators.combine(domain(), path()).as((d, p) -> Probe.url("http://" + d + p)));
    }

    /** Probes on, inside, beside and outside a listed value, and on its exceptions. */
    private Arbitrary<Probe> near(BlockListEntry entry) {
        String v = entry.value().value();
        return switch (entry.type()) {
            case IP -> entry.exceptions().isEmpty() ? nearIp(v) : Arbitraries.frequencyOf(
                    Tuple.of(1, nearIp(v)),
                    Tuple.of(1, Arbitraries.of(entry.exceptions()).flatMap(BlockListIndexPropertiesTest::onIp)));
            case DOMAIN -> {
                String base = v.startsWith("*.") ? v.substring(2) : v;
                String parent = base.indexOf('.') == base.lastIndexOf('.') ? base : base.substring(base.indexOf('.') + 1);
                yield Arbitraries.of(base, "x." + base, "b.x." + base, parent, "alice@" + base, "bob@x." + base,
                        "http://" + base + "/p", "https://x." + base + "/", "x" + base).map(Probe::parse);
            }
            case SENDER -> {
                String domain = v.substring(v.indexOf('@') + 1);
                yield Arbitraries.of(v, "carol@" + domain, domain, "https://" + domain + "/").map(Probe::parse);
            }
            case URL -> {
                int slash = v.indexOf('/');
                String host = slash < 0 ? v : v.substring(0, slash);
                String path = slash < 0 ? "" : v.substring(slash);
                String base = host.startsWith("*.") ? host.substring(2) : host;
                String parentPath = path.isEmpty() ? "" : path.substring(0, path.lastIndexOf('/'));
                boolean ipHost = base.startsWith("[") || base.matches("[0-9.]+");
                Arbitrary<String> hosts = ipHost ? Arbitraries.just(base) : Arbitraries.of(base, "x." + base, "a.b." + base);
                String nearMiss = path.isEmpty() ? "/x" : path + "x"; // /p -> /px, which /p must not match
                Arbitrary<String> paths = Arbitraries.of(path, parentPath, path + "/", path + "/x", nearMiss,
                        path + "?q=1", path + "#f", path + "/x/y", "/other", "");
                yield Combinators.combine(hosts, paths, Arbitraries.of("http://", "https://", ""))
                        .as((h, p, scheme) -> scheme + h + p)
                        .map(Probe::url);
            }
        };
    }

    private Arbitrary<Probe> nearIp(String value) {
        Network network = network(value);
        if (!network.ipv6) {
            long hostBits = ~ipv4Mask(network.prefix) & 0xFFFF_FFFFL;
            long sibling = network.prefix == 0 ? network.low : network.low ^ (1L << (32 - network.prefix));
            return Combinators.combine(Arbitraries.longs().between(0, 0xFFFF_FFFFL), Arbitraries.integers().between(0, 5))
                    .as((random, style) -> switch (style) {
                        case 0 -> Probe.ip(dotted(network.low | (random & hostBits)));
                        case 1 -> Probe.ip(dotted(network.low | hostBits));
                        case 2 -> Probe.ip(dotted((network.low - 1) & 0xFFFF_FFFFL));
                        case 3 -> Probe.ip(dotted(sibling | (random & hostBits)));
                        case 4 -> Probe.ip("::ffff:" + dotted(network.low | (random & hostBits)));
                        default -> Probe.url("http://" + dotted(network.low | (random & hostBits)) + "/p");
                    });
        }
        long highHost = ~ipv6HighMask(network.prefix);
        long lowHost = ~ipv6LowMask(network.prefix);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs(), Arbitraries.integers().between(0, 3))
                .as((r1, r2, style) -> switch (style) {
                    case 0 -> Probe.ip(hex(network.high | (r1 & highHost), network.low | (r2 & lowHost)));
                    case 1 -> Probe.ip(hex(network.high ^ flipHigh(network.prefix), network.low ^ flipLow(network.prefix)));
                    case 2 -> Probe.ip(hex(network.high, network.low - 1));
                    default -> Probe.url("http://[" + hex(network.high | (r1 & highHost), network.low) + "]/x");
                });
    }

    /** The address as a probe: alone, IPv4 also as IPv4-mapped IPv6, or as a URL's host. */
    private static Arbitrary<Probe> onIp(String ip) {
        String host = ip.contains(":") ? "[" + ip + "]" : ip;
        List<Probe> probes = new ArrayList<>(List.of(Probe.ip(ip), Probe.url("http://" + host + "/p")));
        if (!ip.contains(":")) {
            probes.add(Probe.ip("::ffff:" + ip));
        }
        return Arbitraries.of(probes);
    }

    // ---- test-side arithmetic (the index has its own; the reference uses the library's containment) ----

    private record Network(boolean ipv6, int prefix, long high, long low) {
    }

    private static Network network(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        Integer length = address.getNetworkPrefixLength();
        int prefix = length == null ? address.getBitCount() : length;
        if (address.isIPv6()) {
            long[] halves = address.toIPv6().longValues();
            return new Network(true, prefix, halves[0], halves[1]);
        }
        return new Network(false, prefix, 0, address.toIPv4().longValue());
    }

    /** An address in the network, its host bits taken from {@code high} and {@code low}. */
    private static String inside(Network network, long high, long low) {
        if (!network.ipv6) {
            return dotted(network.low | (low & ~ipv4Mask(network.prefix) & 0xFFFF_FFFFL));
        }
        return hex(network.high | (high & ~ipv6HighMask(network.prefix)), network.low | (low & ~ipv6LowMask(network.prefix)));
    }

    private static long ipv4Mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    private static long ipv6HighMask(int prefix) {
        return prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    }

    private static long ipv6LowMask(int prefix) {
        return prefix <= 64 ? 0 : -1L << (128 - prefix);
    }

    private static long flipHigh(int prefix) {
        return prefix == 0 || prefix > 64 ? 0 : 1L << (64 - prefix);
    }

    private static long flipLow(int prefix) {
        return prefix <= 64 ? 0 : 1L << (128 - prefix);
    }

    private static String dotted(long ip) {
        return (ip >>> 24 & 0xFF) + "." + (ip >>> 16 & 0xFF) + "." + (ip >>> 8 & 0xFF) + "." + (ip & 0xFF);
    }

    private static String hex(long high, long low) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? high : low;
            int shift = 48 - 16 * (i % 4);
            text.append(i == 0 ? "" : ":").append(String.format("%04x", half >>> shift & 0xFFFF));
        }
        return text.toString();
    }
}
