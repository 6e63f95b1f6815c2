package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

class BlockListEntryTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    static BlockListEntry entry(EntryType type, String value, Instant expiresAt) {
        return new BlockListEntry(UUID.randomUUID(), null, BlockedValue.parse(type, value), "spam", EntrySource.MANUAL,
                "operator", NOW.minus(Duration.ofDays(1)), expiresAt, null, true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // type  | entry                 | probe                                  | matches
            "SENDER | bob@contoso.com         | bob@contoso.com                        | true",
            "SENDER | bob@contoso.com         | BOB@Contoso.com                        | true",
            "SENDER | bob@contoso.com         | alice@contoso.com                      | false",
            "SENDER | bob@contoso.com         | contoso.com                            | false",
            "DOMAIN | contoso.com             | contoso.com                            | true",
            "DOMAIN | contoso.com             | mail.contoso.com                       | false",
            "DOMAIN | contoso.com             | bob@contoso.com                        | true",
            "DOMAIN | contoso.com             | bob@mail.contoso.com                   | false",
            "DOMAIN | contoso.com             | https://contoso.com/anything?q=1       | true",
            "DOMAIN | contoso.com             | https://www.contoso.com/               | false",
            "DOMAIN | *.contoso.com           | contoso.com                            | false",
            "DOMAIN | *.contoso.com           | mail.contoso.com                       | true",
            "DOMAIN | *.contoso.com           | a.b.mail.contoso.com                   | true",
            "DOMAIN | *.contoso.com           | badcontoso.com                         | false",
            "DOMAIN | *.contoso.com           | bob@eu.contoso.com                     | true",
            "DOMAIN | *.contoso.com           | bob@contoso.com                        | false",
            "DOMAIN | *.contoso.com           | http://x.contoso.com/p                 | true",
            "DOMAIN | bücher.example          | info@BÜCHER.example                    | true",
            "URL    | x.bad-example.net/p     | http://x.bad-example.net/p             | true",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/p/           | true",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/p/x?y=1      | true",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/p?y=1#f      | true",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/pa           | false",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/P            | false",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/             | false",
            "URL    | x.bad-example.net/p     | https://x.bad-example.net/a/../p/q     | true",
            "URL    | x.bad-example.net/p     | https://y.x.bad-example.net/p          | false",
            "URL    | x.bad-example.net/p     | x.bad-example.net                      | false",
            "URL    | x.bad-example.net/p/    | https://x.bad-example.net/p/x          | true",
            "URL    | x.bad-example.net/p/    | https://x.bad-example.net/p/           | true",
            "URL    | x.bad-example.net/p/    | https://x.bad-example.net/p            | false",
            "URL    | x.bad-example.net       | https://x.bad-example.net/any/thing    | true",
            "URL    | x.bad-example.net       | https://X.BAD-EXAMPLE.NET:443          | true",
            "URL    | *.bad-example.net/p     | https://x.bad-example.net/p/q          | true",
            "URL    | *.bad-example.net/p     | https://bad-example.net/p              | false",
            "URL    | *.bad-example.net       | https://a.b.bad-example.net/           | true",
            "URL    | 198.51.100.7/login      | http://198.51.100.7/login              | true",
            "URL    | 198.51.100.7/login      | http://3325256711/login                | true",
            "URL    | [2001:db8::1]/x         | http://[2001:0db8::0001]/x/y           | true",
            "IP     | 198.51.100.7            | 198.51.100.7                           | true",
            "IP     | 198.51.100.7            | ::ffff:198.51.100.7                    | true",
            "IP     | 198.51.100.7            | 198.51.100.8                           | false",
            "IP     | 198.51.100.0/24         | 198.51.100.255                         | true",
            "IP     | 198.51.100.0/24         | 198.51.101.0                           | false",
            "IP     | 198.51.100.0/24         | http://198.51.100.9/x                  | true",
            "IP     | 0.0.0.0/0               | 203.0.113.1                            | true",
            "IP     | 0.0.0.0/0               | 2001:db8::1                            | false",
            "IP     | 2001:db8::/32           | 2001:db8:ffff::1                       | true",
            "IP     | 2001:db8::/32           | 2001:db9::1                            | false",
            "IP     | 2001:db8::/32           | http://[2001:db8::5]/                  | true",
            "IP     | 2001:db8::1             | 2001:db8::1                            | true",
            "IP     | ::/0                    | 198.51.100.7                           | false"})
    void matchesAsTheSpecSays(EntryType type, String value, String probe, boolean expected) {
        BlockListEntry entry = entry(type, value, null);
        assertThat(entry.matches(Probe.parse(probe), NOW)).isEqualTo(expected);
        BlockListIndex index = new BlockListIndex();
        index.put(ListedEntry.of(entry));
        assertThat(index.matches(Probe.parse(probe), NOW)).hasSize(expected ? 1 : 0);
    }

    @Test
    void stopsMatchingExactlyAtItsExpiry() {
        Instant expiry = NOW.plusSeconds(60);
        BlockListEntry entry = entry(EntryType.IP, "198.51.100.7", expiry);
        Probe probe = Probe.ip("198.51.100.7");
        BlockListIndex index = new BlockListIndex();
        index.put(ListedEntry.of(entry));

        Instant justBefore = expiry.minusNanos(1);
        assertThat(entry.isActiveAt(justBefore)).isTrue();
        assertThat(entry.matches(probe, justBefore)).isTrue();
        assertThat(index.matches(probe, justBefore)).containsExactly(ListedEntry.of(entry));

        assertThat(entry.isActiveAt(expiry)).isFalse();
        assertThat(entry.matches(probe, expiry)).isFalse();
        assertThat(index.matches(probe, expiry)).isEmpty();
        assertThat(index.size()).as("still held, just not matching").isEqualTo(1);
    }

    @Test
    void neverExpiresWithoutAnExpiry() {
        BlockListEntry entry = entry(EntryType.DOMAIN, "contoso.com", null);
        assertThat(entry.isActiveAt(Instant.MAX)).isTrue();
        assertThat(entry.matches(Probe.parse("contoso.com"), Instant.MAX)).isTrue();
    }

    @Test
    void knowsItsTypeAndList() {
        BlockListEntry service = entry(EntryType.URL, "x.bad-example.net/p", null);
        assertThat(service.type()).isEqualTo(EntryType.URL);
        assertThat(service.isServiceEntry()).isTrue();
        BlockListEntry tenant = new BlockListEntry(UUID.randomUUID(), TenantId.newId(),
                BlockedValue.parse(EntryType.SENDER, "a@contoso.com"), " why ", EntrySource.IMPORT, "admin", NOW,
                null, "  ", false);
        assertThat(tenant.isServiceEntry()).isFalse();
        assertThat(tenant.reason()).isEqualTo("why");
        assertThat(tenant.notes()).isNull();
    }

    @Test
    void needsAReason() {
        assertThatThrownBy(() -> new BlockListEntry(UUID.randomUUID(), null, BlockedValue.parse(EntryType.IP, "::1"),
                " ", EntrySource.MANUAL, "operator", NOW, null, null, true))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("reason: a block-list entry needs a reason");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // probe                          | matches
            "198.51.100.7                     | false",
            "::ffff:198.51.100.7              | false",
            "http://198.51.100.7/login        | false",
            "http://3325256711/               | false",
            "198.51.100.8                     | true",
            "http://198.51.100.8/login        | true"})
    void aRangeDoesNotMatchItsExceptions(String probe, boolean expected) {
        BlockListEntry entry = entry(EntryType.IP, "198.51.100.0/24", null).withException("198.51.100.7");
        assertThat(entry.matches(Probe.parse(probe), NOW)).isEqualTo(expected);
        assertThat(entry.excepts(Probe.parse(probe))).isEqualTo(!expected);
        BlockListIndex index = new BlockListIndex();
        index.put(ListedEntry.of(entry));
        assertThat(index.matches(Probe.parse(probe), NOW)).hasSize(expected ? 1 : 0);
    }

    @Test
    void exceptionsAreCanonicalDistinctAndInAddressOrder() {
        BlockListEntry range = entry(EntryType.IP, "198.51.100.0/24", null);
        assertThat(range.exceptions()).isEmpty();
        BlockListEntry excepted = withExceptions(range, " 198.51.100.20", "::ffff:198.51.100.7", "198.51.100.9",
                "198.51.100.7");
        assertThat(excepted.exceptions()).containsExactly("198.51.100.7", "198.51.100.9", "198.51.100.20");
        assertThat(excepted.withException("198.51.100.9")).isEqualTo(excepted);
        assertThat(range.exceptions()).as("withException copies").isEmpty();
        assertThat(excepted.exceptions()).isUnmodifiable();

        BlockListEntry v6 = entry(EntryType.IP, "2001:db8::/32", null).withException("[2001:0DB8:0:0::0007]");
        assertThat(v6.exceptions()).containsExactly("2001:db8::7");
        assertThat(v6.matches(Probe.parse("http://[2001:db8::7]/x"), NOW)).isFalse();
        assertThat(v6.matches(Probe.parse("2001:db8::8"), NOW)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IP     | 198.51.100.7    | 198.51.100.7     | only an IP range can have exceptions, not '198.51.100.7'",
            "DOMAIN | contoso.com     | 198.51.100.7     | only an IP range can have exceptions, not 'contoso.com'",
            "IP     | 198.51.100.0/24 | 198.51.101.7     | '198.51.101.7' is not in the range 198.51.100.0/24",
            "IP     | ::/0            | 198.51.100.7     | '198.51.100.7' is not in the range ::/0",
            "IP     | 0.0.0.0/0       | 2001:db8::1      | '2001:db8::1' is not in the range 0.0.0.0/0",
            "IP     | 198.51.100.0/24 | 198.51.100.0/28  | '198.51.100.0/28' is not an IP address",
            "IP     | 198.51.100.0/24 | mail.contoso.com | 'mail.contoso.com' is not an IP address (host names are not accepted)"})
    void exceptionsMustBeSingleAddressesInsideARange(EntryType type, String value, String exception, String message) {
        BlockListEntry entry = entry(type, value, null);
        assertThatThrownBy(() -> entry.withException(exception))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("exceptions"))
                .hasMessageStartingWith("exceptions: " + message);
    }

    @Test
    void exceptionsAreNeverNull() {
        BlockListEntry range = entry(EntryType.IP, "198.51.100.0/24", null);
        assertThatThrownBy(() -> withExceptions(range, (String[]) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> range.withException(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("exceptions: an exception needs an IP address");
    }

    @Test
    void defaultLifetimes() {
        assertThat(EntryType.SENDER.defaultLifetime()).contains(Duration.ofDays(30));
        assertThat(EntryType.DOMAIN.defaultLifetime()).contains(Duration.ofDays(30));
        assertThat(EntryType.URL.defaultLifetime()).contains(Duration.ofDays(30));
        assertThat(EntryType.IP.defaultLifetime()).isEmpty();
        assertThat(EntryType.URL.defaultExpiresAt(NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(EntryType.IP.defaultExpiresAt(NOW)).isNull();
    }

    private static BlockListEntry withExceptions(BlockListEntry e, String... exceptions) {
        return new BlockListEntry(e.id(), e.tenant(), e.value(), e.reason(), e.source(), e.createdBy(), e.createdAt(),
                e.expiresAt(), e.notes(), e.delistable(),
                exceptions == null ? null : new LinkedHashSet<>(List.of(exceptions)));
    }
}
