package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BlockListIndexTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private static ListedEntry entry(UUID id, EntryType type, String value) {
        return ListedEntry.of(stored(id, type, value));
    }

    private static BlockListEntry stored(UUID id, EntryType type, String value) {
        return new BlockListEntry(id, null, BlockedValue.parse(type, value), "spam", EntrySource.MANUAL, "operator",
                NOW, null, null, true);
    }

    @Test
    void entriesSharingAValueAreFoundAndRemovedById() {
        BlockListIndex index = new BlockListIndex();
        ListedEntry first = entry(UUID.randomUUID(), EntryType.IP, "198.51.100.0/24");
        ListedEntry second = entry(UUID.randomUUID(), EntryType.IP, "198.51.100.0/24");
        ListedEntry single = entry(UUID.randomUUID(), EntryType.IP, "198.51.100.7");
        index.put(first);
        index.put(second);
        index.put(single);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.matches(Probe.ip("198.51.100.7"), NOW)).containsExactlyInAnyOrder(first, second, single);

        index.remove(first.id());
        index.remove(first.id());
        index.remove(UUID.randomUUID());
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.matches(Probe.ip("198.51.100.7"), NOW)).containsExactlyInAnyOrder(second, single);
        assertThat(index.get(first.id())).isEmpty();
        assertThat(index.get(second.id())).contains(second);
    }

    /**
     * Thousands of IPv4 networks come and go, so that the filter in front of the tables is rebuilt
     * several times and holds bits of removed networks: every listed network is still found, and
     * none that was removed.
     */
    @Test
    void ipv4NetworksAreFoundThroughTheFilterAfterManyAdditionsAndRemovals() {
        BlockListIndex index = new BlockListIndex();
        List<ListedEntry> kept = new ArrayList<>();
        List<ListedEntry> removed = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            int prefix = 16 + i % 17;
            long network = (0x0A00_0000L + i * 4_099L * 4_096L) & 0xFFFF_FFFFL & (0xFFFF_FFFFL << (32 - prefix));
            ListedEntry entry = entry(UUID.randomUUID(), EntryType.IP, dotted(network) + "/" + prefix);
            index.put(entry);
            (i % 3 == 0 ? removed : kept).add(entry);
        }
        removed.forEach(entry -> index.remove(entry.id()));
        for (ListedEntry entry : kept) {
            assertThat(index.matches(Probe.ip(network(entry)), NOW)).as(entry.value().value()).contains(entry);
        }
        for (ListedEntry entry : removed) {
            assertThat(index.matches(Probe.ip(network(entry)), NOW)).as(entry.value().value()).doesNotContain(entry);
        }
        assertThat(index.size()).isEqualTo(kept.size());
    }

    /** The first address of the entry's network (a /32 is written without its prefix). */
    private static String network(ListedEntry entry) {
        String value = entry.value().value();
        return value.indexOf('/') < 0 ? value : value.substring(0, value.indexOf('/'));
    }

    private static String dotted(long address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "." + (address & 0xFF);
    }

    @Test
    void putWithAKnownIdReplacesTheEntry() {
        BlockListIndex index = new BlockListIndex();
        UUID id = UUID.randomUUID();
        index.put(entry(id, EntryType.DOMAIN, "*.contoso.com"));
        ListedEntry replacement = entry(id, EntryType.URL, "x.bad-example.net/p");
        index.put(replacement);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.matches(Probe.parse("mail.contoso.com"), NOW)).isEmpty();
        assertThat(index.matches(Probe.url("https://x.bad-example.net/p/q"), NOW)).containsExactly(replacement);
    }

    @Test
    void aUrlProbeFindsUrlDomainAndIpEntries() {
        BlockListIndex index = new BlockListIndex();
        ListedEntry url = entry(UUID.randomUUID(), EntryType.URL, "*.bad-example.net/p/");
        ListedEntry domain = entry(UUID.randomUUID(), EntryType.DOMAIN, "*.bad-example.net");
        ListedEntry exactHost = entry(UUID.randomUUID(), EntryType.URL, "x.bad-example.net");
        ListedEntry ip = entry(UUID.randomUUID(), EntryType.IP, "203.0.113.0/24");
        ListedEntry ipUrl = entry(UUID.randomUUID(), EntryType.URL, "203.0.113.9/login");
        List.of(url, domain, exactHost, ip, ipUrl).forEach(index::put);

        assertThat(index.matches(Probe.url("https://x.bad-example.net/p/q?x=1"), NOW))
                .containsExactlyInAnyOrder(url, domain, exactHost);
        assertThat(index.matches(Probe.url("https://x.bad-example.net/p"), NOW))
                .containsExactlyInAnyOrder(domain, exactHost);
        assertThat(index.matches(Probe.url("http://203.0.113.9/login/now"), NOW)).containsExactlyInAnyOrder(ip, ipUrl);
        assertThat(index.matches(Probe.parse("alice@x.bad-example.net"), NOW)).containsExactly(domain);
    }

    @Test
    void aRangeIsNotFoundForItsExceptionsWhileOtherEntriesStillAre() {
        BlockListIndex index = new BlockListIndex();
        BlockListEntry stored = stored(UUID.randomUUID(), EntryType.IP, "198.51.100.0/24");
        ListedEntry range = ListedEntry.of(stored);
        ListedEntry wider = entry(UUID.randomUUID(), EntryType.IP, "198.51.0.0/16");
        ListedEntry v6 = ListedEntry.of(stored(UUID.randomUUID(), EntryType.IP, "2001:db8::/32").withException("2001:db8::7"));
        List.of(range, wider, v6).forEach(index::put);
        assertThat(index.matches(Probe.ip("198.51.100.7"), NOW)).containsExactlyInAnyOrder(range, wider);

        ListedEntry excepted = ListedEntry.of(stored.withException("198.51.100.7"));
        index.put(excepted);
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.get(range.id())).contains(excepted);
        assertThat(index.matches(Probe.ip("198.51.100.7"), NOW)).containsExactly(wider);
        assertThat(index.matches(Probe.ip("::ffff:198.51.100.7"), NOW)).containsExactly(wider);
        assertThat(index.matches(Probe.url("http://198.51.100.7/x"), NOW)).containsExactly(wider);
        assertThat(index.matches(Probe.ip("198.51.100.8"), NOW)).containsExactlyInAnyOrder(excepted, wider);
        assertThat(index.matches(Probe.ip("2001:db8::7"), NOW)).isEmpty();
        assertThat(index.matches(Probe.url("http://[2001:db8::7]/"), NOW)).isEmpty();
        assertThat(index.matches(Probe.ip("2001:db8::8"), NOW)).containsExactly(v6);

        index.put(range);
        assertThat(index.matches(Probe.ip("198.51.100.7"), NOW)).containsExactlyInAnyOrder(range, wider);
    }

    @Test
    void manyEntriesShareOneValueAndLeaveInAnyOrder() {
        BlockListIndex index = new BlockListIndex();
        List<ListedEntry> shared = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String value = List.of("198.51.100.0/24", "2001:db8::/48", "*.contoso.com", "x.bad-example.net/p",
                    "alice@contoso.com").get(i % 5);
            EntryType type = List.of(EntryType.IP, EntryType.IP, EntryType.DOMAIN, EntryType.URL, EntryType.SENDER)
                    .get(i % 5);
            shared.add(entry(new UUID(0, i + 1), type, value));
        }
        index.putAll(shared);
        assertThat(index.matches(Probe.ip("198.51.100.9"), NOW)).hasSize(60);
        assertThat(index.matches(Probe.parse("alice@mail.contoso.com"), NOW)).hasSize(60);
        assertThat(index.matches(Probe.url("http://x.bad-example.net/p/q"), NOW)).hasSize(60);

        // Every third one goes, from the middle of the chains as well as their heads.
        List<ListedEntry> staying = new ArrayList<>();
        for (int i = 0; i < shared.size(); i++) {
            if (i % 3 == 1) {
                index.remove(shared.get(i).id());
            } else {
                staying.add(shared.get(i));
            }
        }
        assertThat(index.size()).isEqualTo(staying.size());
        assertThat(index.matches(Probe.ip("2001:db8::1"), NOW))
                .containsExactlyInAnyOrderElementsOf(staying.stream().filter(e -> e.value().value().equals("2001:db8::/48")).toList());
        List<ListedEntry> all = new ArrayList<>();
        index.forEach(all::add);
        assertThat(all).containsExactlyInAnyOrderElementsOf(staying);

        staying.forEach(e -> index.remove(e.id()));
        assertThat(index.size()).isZero();
        assertThat(index.matches(Probe.url("http://x.bad-example.net/p/q"), NOW)).isEmpty();
        assertThat(index.matches(Probe.ip("198.51.100.9"), NOW)).isEmpty();
    }

    @Test
    void putAllAndPutBuildTheSameIndexAndRemovedSlotsAreReused() {
        List<ListedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            entries.add(entry(UUID.randomUUID(), EntryType.IP, "10." + (i >> 8 & 0xFF) + "." + (i & 0xFF) + ".0/24"));
            entries.add(entry(UUID.randomUUID(), EntryType.DOMAIN, "*.d" + i + ".contoso.com"));
        }
        BlockListIndex one = new BlockListIndex();
        entries.forEach(one::put);
        BlockListIndex all = new BlockListIndex();
        all.putAll(entries.subList(0, 3000));
        all.putAll(entries); // the first 3,000 again: replaced, not doubled
        assertThat(all.size()).isEqualTo(one.size()).isEqualTo(entries.size());
        for (int round = 0; round < 3; round++) { // removal-heavy: tables shrink, slots and keys are reused
            entries.subList(100, entries.size()).forEach(e -> all.remove(e.id()));
            all.putAll(entries.subList(100, entries.size()));
        }
        for (String probe : List.of("10.0.7.1", "10.19.135.200", "b.d4999.contoso.com", "d4999.contoso.com")) {
            assertThat(all.matches(Probe.parse(probe), NOW))
                    .containsExactlyInAnyOrderElementsOf(one.matches(Probe.parse(probe), NOW));
        }
        assertThat(all.matches(Probe.parse("10.19.135.200"), NOW)).hasSize(1);
        entries.forEach(e -> assertThat(all.get(e.id())).contains(e));
    }

    @Test
    void anExpiryIsKeptExactlyAndEndsTheEntryAtThatInstant() {
        BlockListIndex index = new BlockListIndex();
        Instant micros = NOW.plusNanos(1_000);
        Instant nanos = NOW.plusNanos(1);
        ListedEntry byMicros = new ListedEntry(UUID.randomUUID(), BlockedValue.parse(EntryType.DOMAIN, "contoso.com"),
                micros, false, Set.of());
        ListedEntry byNanos = new ListedEntry(UUID.randomUUID(), BlockedValue.parse(EntryType.DOMAIN, "contoso.com"),
                nanos, true, Set.of());
        ListedEntry never = entry(UUID.randomUUID(), EntryType.DOMAIN, "contoso.com");
        index.putAll(List.of(byMicros, byNanos, never));
        assertThat(index.get(byMicros.id())).contains(byMicros);
        assertThat(index.get(byNanos.id())).contains(byNanos);
        Probe probe = Probe.parse("contoso.com");
        assertThat(index.matches(probe, NOW)).containsExactlyInAnyOrder(byMicros, byNanos, never);
        assertThat(index.matches(probe, nanos)).containsExactlyInAnyOrder(byMicros, never);
        assertThat(index.matches(probe, micros.minusNanos(1))).containsExactlyInAnyOrder(byMicros, never);
        assertThat(index.matches(probe, micros)).containsExactly(never);
        assertThat(index.matches(probe, Instant.MAX)).containsExactly(never);
        assertThat(index.matches(probe, Instant.MIN)).containsExactlyInAnyOrder(byMicros, byNanos, never);
    }

    @Test
    void readersAlwaysSeeEntriesThatStayWhileAWriterChangesOthers() throws Exception {
        BlockListIndex index = new BlockListIndex(1000); // the per-/16 masks come and go too
        ListedEntry stays = entry(UUID.randomUUID(), EntryType.IP, "198.51.100.7");
        ListedEntry staysToo = entry(UUID.randomUUID(), EntryType.DOMAIN, "*.contoso.com");
        ListedEntry staysAsWell = entry(UUID.randomUUID(), EntryType.URL, "x.bad-example.net/p");
        ListedEntry staysV6 = entry(UUID.randomUUID(), EntryType.IP, "2001:db8::/48");
        index.putAll(List.of(stays, staysToo, staysAsWell, staysV6));
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong lookups = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Thread reader = new Thread(() -> {
                Probe ip = Probe.ip("198.51.100.7");
                Probe domain = Probe.parse("bob@mail.contoso.com");
                Probe url = Probe.url("https://x.bad-example.net/p/q");
                Probe v6 = Probe.ip("2001:db8::9");
                try {
                    while (!done.get()) {
                        if (!index.matches(ip, NOW).contains(stays) || !index.matches(domain, NOW).contains(staysToo)
                                || !index.matches(url, NOW).contains(staysAsWell)
                                || !index.matches(v6, NOW).contains(staysV6)) {
                            failures.add(new AssertionError("a lookup missed an entry that was never removed"));
                            return;
                        }
                        lookups.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            readers.add(reader);
            reader.start();
        }
        // Grow and shrink the tables around the entries that stay: resizes, shifts on removal, chains
        // relinked, slots and keys reused, the key arena compacted.
        List<UUID> ids = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 3000; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                String ip = "198.51." + (i / 256 % 256) + "." + (i % 256);
                index.put(entry(id, EntryType.IP, i % 3 == 0 ? ip : ip.substring(0, ip.lastIndexOf('.')) + ".0/24"));
                UUID domain = UUID.randomUUID();
                UUID url = UUID.randomUUID();
                UUID v6 = UUID.randomUUID();
                ids.addAll(List.of(domain, url, v6));
                index.put(entry(domain, EntryType.DOMAIN, "*.d" + i + ".contoso.com"));
                index.put(entry(url, EntryType.URL, "x.bad-example.net/p" + (i % 2 == 0 ? "/" + i : "") + "/q"));
                index.put(entry(v6, EntryType.IP, "2001:db8:0:" + Integer.toHexString(i) + "::/64"));
            }
            ids.forEach(index::remove);
            ids.clear();
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(failures).isEmpty();
        assertThat(lookups.get()).isPositive();
    }
}
