package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.blocklist.ListingKeys.Key;

class ListingKeysTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void anAddressIsListedAsItselfOrUnderItsDomainAndEveryParent() {
        assertThat(ListingKeys.of(Probe.parse("Bob@Mail.Contoso.com")).keys()).containsExactlyInAnyOrder(
                new Key(EntryType.SENDER, "bob@mail.contoso.com"), new Key(EntryType.DOMAIN, "*.contoso.com"),
                new Key(EntryType.DOMAIN, "*.com"), new Key(EntryType.DOMAIN, "mail.contoso.com"));
    }

    @Test
    void aUrlIsListedUnderItsHostKeysWithEachPathPrefixAtASegmentBoundary() {
        Set<Key> keys = ListingKeys.of(Probe.parse("https://x.contoso.com/a/b?q=1")).keys();
        assertThat(keys).contains(new Key(EntryType.DOMAIN, "x.contoso.com"), new Key(EntryType.DOMAIN, "*.com"),
                new Key(EntryType.URL, "x.contoso.com"), new Key(EntryType.URL, "x.contoso.com/a"),
                new Key(EntryType.URL, "x.contoso.com/a/"), new Key(EntryType.URL, "*.contoso.com/a/b"));
        assertThat(keys).doesNotContain(new Key(EntryType.URL, "x.contoso.com/a/b/"),
                new Key(EntryType.URL, "x.contoso.com/a/b?q=1"), new Key(EntryType.SENDER, "x.contoso.com"));
        assertThat(keys).hasSize(3 * 4 + 3);
    }

    @Test
    void anIpIsListedUnderEveryNetworkThatHoldsIt() {
        Set<Key> v4 = ListingKeys.of(Probe.parse("198.51.100.7")).keys();
        assertThat(v4).hasSize(33).contains(new Key(EntryType.IP, "198.51.100.7"),
                new Key(EntryType.IP, "198.51.100.6/31"), new Key(EntryType.IP, "198.51.100.0/24"),
                new Key(EntryType.IP, "0.0.0.0/0"));
        Set<Key> v6 = ListingKeys.of(Probe.parse("2001:DB8::1")).keys();
        assertThat(v6).hasSize(129).contains(new Key(EntryType.IP, "2001:db8::1"),
                new Key(EntryType.IP, "2001:db8::/32"), new Key(EntryType.IP, "::/0"));
        assertThat(ListingKeys.of(Probe.parse("http://[::ffff:198.51.100.7]/p")).keys())
                .contains(new Key(EntryType.URL, "198.51.100.7/p"), new Key(EntryType.IP, "198.51.100.0/24"));
    }

    @Test
    void anEntryUnderAKeyListsTheProbeUnlessExpiredOrExcepted() {
        ListingKeys keys = ListingKeys.of(Probe.parse("198.51.100.7"));
        BlockedValue range = BlockedValue.parse(EntryType.IP, "198.51.100.0/24");
        assertThat(keys.lists(entry(range, null, Set.of()), NOW)).isTrue();
        assertThat(keys.lists(entry(range, NOW, Set.of()), NOW)).as("expired").isFalse();
        assertThat(keys.lists(entry(range, null, Set.of("198.51.100.7")), NOW)).as("excepted").isFalse();
        assertThat(keys.lists(entry(range, null, Set.of("198.51.100.8")), NOW)).isTrue();
        assertThat(keys.lists(entry(BlockedValue.parse(EntryType.IP, "198.51.101.0/24"), null, Set.of()), NOW))
                .as("not under a key").isFalse();
    }

    private static BlockListEntry entry(BlockedValue value, Instant expiresAt, Set<String> exceptions) {
        return new BlockListEntry(UUID.randomUUID(), null, value, "spam", EntrySource.IMPORT, "operator",
                NOW.minusSeconds(60), expiresAt, null, true, exceptions);
    }
}
