package org.senderguard.domain.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.InvalidValueException;

class ThirdPartyListTest {

    private static ThirdPartyList list(String name, String zone, String delistUrl, String infoUrl) {
        return new ThirdPartyList(name, "a list", Set.of(ListedKind.IP), zone, AnswerScheme.PLAIN, delistUrl, infoUrl,
                true);
    }

    private static void assertField(Runnable creation, String field) {
        assertThatThrownBy(creation::run)
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith(field + ": ")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    @Test
    void normalisesTheZoneAndKeepsTheRest() {
        ThirdPartyList list = list(" My list_2.0 ", "BL.Example.ORG.", "https://bl.example.org/delist", null);
        assertThat(list.name()).isEqualTo("My list_2.0");
        assertThat(list.zone()).isEqualTo("bl.example.org");
        assertThat(list.infoUrl()).isNull();
        assertThat(list(("n"), " ", "http://x.example/", "https://x.example/info").zone()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "bad/name", "emoji 😀", "semi;colon"})
    void rejectsBadNames(String name) {
        assertField(() -> list(name, "bl.example.org", "https://x.example/", null), "name");
        assertField(() -> list("n".repeat(65), "bl.example.org", "https://x.example/", null), "name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "bad zone.org", "-bad.example.org", "a..b", "bl.example.org/x", "ünï.org"})
    void rejectsBadZones(String zone) {
        assertField(() -> list("n", zone, "https://x.example/", null), "zone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example/", "javascript:alert(1)", "x.example", "https://", "http://exa mple/"})
    void rejectsUrlsThatAreNotHttp(String url) {
        assertField(() -> list("n", "bl.example.org", url, null), "delistUrl");
        assertField(() -> list("n", "bl.example.org", "https://x.example/", url), "infoUrl");
        assertField(() -> list("n", "bl.example.org", null, null), "delistUrl");
    }

    @Test
    void requiresKindsAndScheme() {
        assertField(() -> new ThirdPartyList("n", "", Set.of(), "bl.example.org", AnswerScheme.PLAIN,
                "https://x.example/", null, true), "lists");
        assertField(() -> new ThirdPartyList("n", "", Set.of(ListedKind.IP), "bl.example.org", null,
                "https://x.example/", null, true), "scheme");
    }

    @Test
    void checksOnlyEnabledListsWithAZoneForTheirKinds() {
        ThirdPartyList zen = ThirdPartyCatalog.seed().get(0);
        assertThat(zen.checks(ListedKind.IP)).isTrue();
        assertThat(zen.checks(ListedKind.DOMAIN)).isFalse();
        assertThat(new ThirdPartyList(zen.name(), zen.description(), zen.lists(), zen.zone(), zen.scheme(),
                zen.delistUrl(), zen.infoUrl(), false).checks(ListedKind.IP)).isFalse();
        ThirdPartyList phishTank = ThirdPartyCatalog.seed().stream()
                .filter(list -> list.name().equals("PhishTank")).findFirst().orElseThrow();
        assertThat(phishTank.checks(ListedKind.URL)).isFalse();
    }

    @Test
    void seedHoldsTheListsOfTheSeedTableWithTheirZonesAndPortals() {
        List<ThirdPartyList> seed = ThirdPartyCatalog.seed();
        assertThat(seed).extracting(ThirdPartyList::name).containsExactly(
                "Spamhaus ZEN", "Spamhaus DBL", "SURBL", "URIBL", "invaluement", "PhishTank");
        assertThat(seed).extracting(ThirdPartyList::zone).containsExactly(
                "zen.spamhaus.org", "dbl.spamhaus.org", "multi.surbl.org", "multi.uribl.com",
                "ivmsip.dnsbl.invaluement.com", null);
        assertThat(seed).extracting(ThirdPartyList::scheme).containsExactly(
                AnswerScheme.SPAMHAUS_ZEN, AnswerScheme.SPAMHAUS_DBL, AnswerScheme.SURBL, AnswerScheme.URIBL,
                AnswerScheme.INVALUEMENT, AnswerScheme.PLAIN);
        assertThat(seed).allSatisfy(list -> {
            assertThat(list.enabled()).isTrue();
            assertThat(list.delistUrl()).startsWith("https://");
            assertThat(list.infoUrl()).startsWith("https://");
        });
        assertThat(seed.get(0).lists()).containsExactly(ListedKind.IP);
        assertThat(seed.get(1).lists()).containsExactly(ListedKind.DOMAIN);
        assertThat(seed.get(5).lists()).containsExactly(ListedKind.URL);
    }
}
