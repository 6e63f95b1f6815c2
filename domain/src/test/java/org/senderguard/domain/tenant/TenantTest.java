package org.senderguard.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.InvalidValueException;

class TenantTest {

    @Test
    void namesAreMatchedCaseInsensitively() {
        assertThat(TenantName.parse(" Contoso-EU ")).isEqualTo(new TenantName("contoso-eu"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "has space", "under_score", "ünicode", "dot.ted"})
    void rejectsBadNames(String name) {
        assertThatThrownBy(() -> TenantName.parse(name))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("2-63 characters");
    }

    @Test
    void rejectsOverLongName() {
        assertThat(TenantName.parse("a".repeat(63)).value()).hasSize(63);
        assertThatThrownBy(() -> TenantName.parse("a".repeat(64))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void needsAtLeastOneDomainAndDeduplicates() {
        assertThatThrownBy(() -> AcceptedDomains.parse(List.of()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at least one accepted domain");
        assertThat(AcceptedDomains.parse(List.of("Contoso.com", "contoso.com.", "b.example")).values())
                .containsExactly("b.example", "contoso.com");
    }

    @Test
    void holdsAtMost5000Domains() {
        List<String> most = IntStream.range(0, AcceptedDomains.MAX).mapToObj(i -> "d" + i + ".example").toList();
        assertThat(AcceptedDomains.parse(most).domains()).hasSize(5000);
        List<String> more = IntStream.range(0, AcceptedDomains.MAX + 1).mapToObj(i -> "d" + i + ".example").toList();
        assertThatThrownBy(() -> AcceptedDomains.parse(more)).isInstanceOf(InvalidValueException.class)
                .hasMessage("domains: a tenant has at most 5000 accepted domains, got 5001");
    }

    @Test
    void acceptedDomainsCoverTheirSubdomains() {
        AcceptedDomains domains = AcceptedDomains.parse(List.of("contoso.com"));
        assertThat(domains.covers(DomainName.parse("d", "eu.mail.contoso.com"))).isTrue();
        assertThat(domains.covers(DomainName.parse("d", "contoso.co"))).isFalse();
    }

    @Test
    void acceptedDomainsAreFoundWithinADomainThatHoldsThem() {
        AcceptedDomains domains = AcceptedDomains.parse(List.of("mail.contoso.com"));
        assertThat(domains.anyWithin(DomainName.parse("d", "contoso.com"))).isTrue();
        assertThat(domains.anyWithin(DomainName.parse("d", "mail.contoso.com"))).isTrue();
        assertThat(domains.anyWithin(DomainName.parse("d", "eu.mail.contoso.com"))).isFalse();
        assertThat(domains.anyWithin(DomainName.parse("d", "oso.com"))).isFalse();
    }

    @Test
    void newTenantsGetTheDefaultSettings() {
        Tenant tenant = Tenant.create(TenantName.parse("acme"), AcceptedDomains.parse(List.of("acme.test")),
                Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(tenant.settings()).isEqualTo(new TenantSettings(3, 30, 10_000, false));
    }

    @Test
    void settingsAreBounded() {
        assertThatThrownBy(() -> TenantSettings.DEFAULTS.withUnblockLimit(0))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unblockLimit: must be between 1 and 100, was 0");
        assertThatThrownBy(() -> TenantSettings.DEFAULTS.withUnblockWindowDays(366))
                .hasMessageStartingWith("unblockWindowDays:");
        assertThat(TenantSettings.DEFAULTS.withUnblockLimit(5).withUnblockWindowDays(7))
                .isEqualTo(new TenantSettings(5, 7, 10_000, false));
    }
}
