package org.senderguard.domain.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerDecoderTest {

    private static final ThirdPartyList ZEN = seed("Spamhaus ZEN");
    private static final ThirdPartyList DBL = seed("Spamhaus DBL");
    private static final ThirdPartyList SURBL = seed("SURBL");
    private static final ThirdPartyList URIBL = seed("URIBL");
    private static final ThirdPartyList INVALUEMENT = seed("invaluement");
    private static final ThirdPartyList PLAIN = new ThirdPartyList("Plain", "", Set.of(ListedKind.IP), "bl.example.org",
            AnswerScheme.PLAIN, "https://bl.example.org/delist", null, true);

    private static ThirdPartyList seed(String name) {
        return ThirdPartyCatalog.seed().stream().filter(list -> list.name().equals(name)).findFirst().orElseThrow();
    }

    private static ThirdPartyList list(AnswerScheme scheme) {
        return switch (scheme) {
            case SPAMHAUS_ZEN -> ZEN;
            case SPAMHAUS_DBL -> DBL;
            case SURBL -> SURBL;
            case URIBL -> URIBL;
            case INVALUEMENT -> INVALUEMENT;
            case PLAIN -> PLAIN;
        };
    }

    private static CheckResult decode(ThirdPartyList list, String... addresses) {
        return AnswerDecoder.decode(list, List.of(addresses));
    }

    private static void assertListed(CheckResult result, String meaning) {
        assertThat(result.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(result.meanings()).containsExactly(meaning);
        assertThat(result.detail()).startsWith("listed: ").contains(meaning);
    }

    private static void assertRefused(CheckResult result, String reasonPart) {
        assertThat(result.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(result.listed()).isFalse();
        assertThat(result.delistUrl()).isNull();
        assertThat(result.meanings()).anySatisfy(reason -> assertThat(reason).containsIgnoringCase(reasonPart));
        assertThat(result.detail()).startsWith("refused: ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.2  | SBL: Spamhaus Block List, a spam source or spam operation",
            "127.0.0.3  | SBL CSS: low-reputation or snowshoe spam sender (Spamhaus CSS)",
            "127.0.0.4  | XBL: exploited or infected host, such as a botnet member or open proxy (CBL data)",
            "127.0.0.5  | XBL: exploited or infected host",
            "127.0.0.6  | XBL: exploited or infected host",
            "127.0.0.7  | XBL: exploited or infected host",
            "127.0.0.9  | SBL DROP: network hijacked by or leased to spammers (Spamhaus DROP/EDROP)",
            "127.0.0.10 | PBL: end-user range that should not send mail directly (listed by its ISP)",
            "127.0.0.11 | PBL: end-user range that should not send mail directly (listed by Spamhaus)",
            "127.0.0.12 | listed (return code 127.0.0.12)"})
    void decodesZenReturnCodes(String code, String meaning) {
        CheckResult result = decode(ZEN, code);
        assertListed(result, meaning);
        assertThat(result.list()).isEqualTo("Spamhaus ZEN");
        assertThat(result.codes()).containsExactly(code);
        assertThat(result.delistUrl()).isEqualTo("https://check.spamhaus.org/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.1.2   | spam domain",
            "127.0.1.4   | phishing domain",
            "127.0.1.5   | malware domain",
            "127.0.1.6   | botnet command-and-control domain",
            "127.0.1.102 | abused legitimate domain, used in spam",
            "127.0.1.103 | abused legitimate domain, a spammed redirector",
            "127.0.1.104 | abused legitimate domain, used for phishing",
            "127.0.1.105 | abused legitimate domain, used for malware",
            "127.0.1.106 | abused legitimate domain, used for botnet command and control"})
    void decodesDblReturnCodes(String code, String meaning) {
        CheckResult result = decode(DBL, code);
        assertListed(result, meaning);
        assertThat(result.delistUrl()).isEqualTo("https://check.spamhaus.org/");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.255.255.252 | typing error in the DNSBL zone name",
            "127.255.255.254 | public or open resolver",
            "127.255.255.255 | excessive number of queries",
            "127.255.255.253 | error code 127.255.255.253",
            "127.0.0.1       | RFC 5782"})
    void refusesSpamhausErrorCodesInBothZones(String code, String reason) {
        assertRefused(decode(ZEN, code), reason);
        assertRefused(decode(DBL, code), reason);
        assertThat(decode(ZEN, code).codes()).containsExactly(code);
    }

    @Test
    void refusesTheDblIpQueryCodeAndItsZenCounterpart() {
        assertRefused(decode(DBL, "127.0.1.255"), "IP queries prohibited");
        assertRefused(decode(ZEN, "127.0.1.255"), "Spamhaus error code");
    }

    @Test
    void combinesSeveralZenCodesAsTheTestPointAnswers() {
        CheckResult result = decode(ZEN, "127.0.0.10", "127.0.0.2", "127.0.0.4");
        assertThat(result.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(result.codes()).containsExactly("127.0.0.2", "127.0.0.4", "127.0.0.10");
        assertThat(result.meanings()).hasSize(3);
        assertThat(result.meanings().get(0)).startsWith("SBL");
        assertThat(result.meanings().get(1)).startsWith("XBL");
        assertThat(result.meanings().get(2)).startsWith("PBL");
        assertThat(result.detail()).contains("(127.0.0.2)", "(127.0.0.4)", "(127.0.0.10)");
    }

    @Test
    void anErrorAmongSeveralAnswersMakesTheWholeResultRefused() {
        CheckResult result = decode(ZEN, "127.0.0.2", "127.255.255.254");
        assertRefused(result, "public or open resolver");
        assertThat(result.codes()).containsExactly("127.0.0.2", "127.255.255.254");
        assertThat(result.meanings()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.8   | PH: phishing site",
            "127.0.0.16  | MW: malware site",
            "127.0.0.64  | ABUSE: spam and other abuse site",
            "127.0.0.128 | CR: cracked site, a legitimate site taken over by abusers",
            "127.0.0.2   | retired SURBL sub-list (bit 2)",
            "127.0.0.4   | retired SURBL sub-list (bit 4)",
            "127.0.0.32  | retired SURBL sub-list (bit 32)"})
    void decodesEachSurblBit(String code, String meaning) {
        CheckResult result = decode(SURBL, code);
        assertListed(result, meaning);
        assertThat(result.delistUrl()).isEqualTo("https://www.surbl.org/surbl-analysis");
    }

    @Test
    void namesEverySubListOfASurblBitmask() {
        assertThat(decode(SURBL, "127.0.0.24").meanings()).containsExactly("PH: phishing site", "MW: malware site");
        assertThat(decode(SURBL, "127.0.0.216").meanings()).containsExactly("PH: phishing site", "MW: malware site",
                "ABUSE: spam and other abuse site", "CR: cracked site, a legitimate site taken over by abusers");
        // The permanent test point answers every bit but bit 1.
        assertThat(decode(SURBL, "127.0.0.254").meanings()).hasSize(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.9", "127.0.0.25", "127.0.0.255", "127.0.0.0"})
    void refusesSurblAnswersWithBitOneOrNoBits(String code) {
        CheckResult result = decode(SURBL, code);
        assertThat(result.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(result.listed()).isFalse();
    }

    @Test
    void explainsTheSurblBlock() {
        assertRefused(decode(SURBL, "127.0.0.1"), "access denied");
        assertRefused(decode(SURBL, "127.0.0.0"), "not a listing code");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "127.0.0.2  | black: domain belonging to or used by spammers",
            "127.0.0.4  | grey: domain of a bulk sender whose mail is often unsolicited",
            "127.0.0.8  | red: domain seen in current unsolicited mail, not yet reviewed for black",
            "127.0.0.16 | unknown URIBL sub-list (bit 16)"})
    void decodesEachUriblBit(String code, String meaning) {
        CheckResult result = decode(URIBL, code);
        assertListed(result, meaning);
        assertThat(result.delistUrl()).isEqualTo("https://admin.uribl.com/");
    }

    @Test
    void decodesTheUriblTestPointAndRefusal() {
        assertThat(decode(URIBL, "127.0.0.14").meanings()).extracting(meaning -> meaning.split(":")[0])
                .containsExactly("black", "grey", "red");
        assertRefused(decode(URIBL, "127.0.0.1"), "query refused");
        assertRefused(decode(URIBL, "127.0.0.3"), "query refused");
    }

    @Test
    void decodesInvaluement() {
        assertListed(decode(INVALUEMENT, "127.0.0.2"), "ivmSIP: IP address that sends only spam");
        assertListed(decode(INVALUEMENT, "127.0.0.3"), "listed by invaluement (return code 127.0.0.3)");
        assertRefused(decode(INVALUEMENT, "127.0.0.1"), "RFC 5782");
        assertThat(decode(INVALUEMENT, "127.0.0.2").delistUrl()).isEqualTo("https://www.invaluement.com/lookup/");
    }

    @Test
    void decodesPlainLists() {
        assertListed(decode(PLAIN, "127.0.0.2"), "listed");
        assertListed(decode(PLAIN, "127.1.2.3"), "listed");
        assertRefused(decode(PLAIN, "127.0.0.1"), "RFC 5782");
        assertThat(decode(PLAIN, "127.0.0.2").delistUrl()).isEqualTo("https://bl.example.org/delist");
    }

    @ParameterizedTest
    @EnumSource(AnswerScheme.class)
    void neverCountsAnAnswerOutsideLoopbackAsAListing(AnswerScheme scheme) {
        assertRefused(decode(list(scheme), "203.0.113.7"), "resolver may be hijacking NXDOMAIN");
        assertRefused(decode(list(scheme), "127.0.0.2", "198.51.100.1"), "not a DNSBL answer");
        assertRefused(decode(list(scheme), "not-an-address"), "not a DNSBL answer");
        assertRefused(decode(list(scheme), "127.0.0.02"), "not a DNSBL answer");
    }

    @ParameterizedTest
    @EnumSource(AnswerScheme.class)
    void neverCountsAnErrorCodeAsAListing(AnswerScheme scheme) {
        for (String code : List.of("127.255.255.252", "127.255.255.254", "127.255.255.255", "127.0.0.1")) {
            CheckResult result = decode(list(scheme), code);
            assertThat(result.status()).as(scheme + " " + code).isEqualTo(CheckStatus.REFUSED);
            assertThat(decode(list(scheme), "127.0.0.2", code).status()).isEqualTo(CheckStatus.REFUSED);
        }
    }

    @Test
    void anEmptyAnswerIsNotListedAndFailuresAreErrors() {
        assertThat(AnswerDecoder.decode(ZEN, List.of())).isEqualTo(AnswerDecoder.notListed(ZEN));
        CheckResult notListed = AnswerDecoder.notListed(DBL);
        assertThat(notListed.status()).isEqualTo(CheckStatus.NOT_LISTED);
        assertThat(notListed.list()).isEqualTo("Spamhaus DBL");
        assertThat(notListed.codes()).isEmpty();
        assertThat(notListed.delistUrl()).isNull();
        CheckResult error = AnswerDecoder.error(SURBL, "timed out after 2s");
        assertThat(error.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(error.detail()).isEqualTo("timed out after 2s");
        assertThat(error.listed()).isFalse();
    }
}
