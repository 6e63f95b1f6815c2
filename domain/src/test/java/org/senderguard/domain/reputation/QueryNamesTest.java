package org.senderguard.domain.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.InvalidValueException;

class QueryNamesTest {

    @ParameterizedTest
    @CsvSource({
            "192.0.2.99, zen.spamhaus.org, 99.2.0.192.zen.spamhaus.org",
            "127.0.0.2, zen.spamhaus.org, 2.0.0.127.zen.spamhaus.org",
            "' 10.20.30.40 ', ZEN.Spamhaus.org., 40.30.20.10.zen.spamhaus.org",
            "0.0.0.0, bl.test, 0.0.0.0.bl.test",
            "255.255.255.255, bl.test, 255.255.255.255.bl.test"})
    void reversesIpv4Octets(String ip, String zone, String expected) {
        assertThat(QueryNames.forIp(ip, zone)).isEqualTo(expected);
    }

    @Test
    void spellsIpv6AsAllThirtyTwoNibblesInReverseOrder() {
        // RFC 5782 section 2.4's own example.
        assertThat(QueryNames.forIp("2001:db8:1:2:3:4:567:89ab", "ugly.example.com")).isEqualTo(
                "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com");
        assertThat(QueryNames.forIp("2001:db8::1", "zone.test")).isEqualTo(
                "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.zone.test");
        assertThat(QueryNames.forIp("[2001:DB8::ABCD]", "zone.test")).startsWith("d.c.b.a.0.0.0.0.");
        assertThat(QueryNames.forIp("::1", "zone.test").split("\\.")).hasSize(32 + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:192.0.2.99", "::FFFF:c000:263", "[::ffff:192.0.2.99]"})
    void queriesIpv4MappedIpv6InItsIpv4Form(String ip) {
        assertThat(QueryNames.forIp(ip, "zen.spamhaus.org")).isEqualTo("99.2.0.192.zen.spamhaus.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "192.0.2", "192.0.2.256", "192.0.2.0/24", "010.0.0.1", "1.2.3.4.5", "example.com",
            "2001:db8::/32", "fe80::1%eth0", "2001:db8::1::2", "192.0.2.1-5"})
    void rejectsWhatIsNotASingleAddressNamingTheField(String ip) {
        assertThatThrownBy(() -> QueryNames.forIp(ip, "zen.spamhaus.org"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("ip"));
    }

    @ParameterizedTest
    @CsvSource({
            "example.com, dbl.spamhaus.org, example.com.dbl.spamhaus.org",
            "Mail.EXAMPLE.com, dbl.spamhaus.org, mail.example.com.dbl.spamhaus.org",
            "example.com., multi.surbl.org, example.com.multi.surbl.org",
            "bücher.example, multi.uribl.com, xn--bcher-kva.example.multi.uribl.com",
            "DBLTEST.COM, DBL.Spamhaus.ORG., dbltest.com.dbl.spamhaus.org"})
    void appendsTheDomainAsItIsInLowerCaseAscii(String domain, String zone, String expected) {
        assertThat(QueryNames.forDomain(domain, zone)).isEqualTo(expected);
    }

    @Test
    void rejectsBadDomainsAndZonesNamingTheField() {
        assertThatThrownBy(() -> QueryNames.forDomain("not a domain", "dbl.spamhaus.org"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("domain"));
        assertThatThrownBy(() -> QueryNames.forDomain("example.com", "bad zone"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("zone"));
        assertThatThrownBy(() -> QueryNames.forIp("192.0.2.1", "localhost"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("zone"));
    }

    @Test
    void refusesAnIpAddressForAZoneButTakesDigitsInItsOtherLabels() {
        assertThatThrownBy(() -> QueryNames.forIp("192.0.2.1", "127.0.0.2"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("zone: '127.0.0.2' is not a DNS zone name (its last label is a number, as in an IP address;"
                        + " a zone ends in a name, like zen.spamhaus.org)");
        assertThat(QueryNames.forIp("192.0.2.1", "0spam.fusionzero.com")).isEqualTo("1.2.0.192.0spam.fusionzero.com");
    }

    @Test
    void rejectsANameTooLongForDns() {
        String longDomain = ("a".repeat(60) + ".").repeat(4) + "com";
        assertThatThrownBy(() -> QueryNames.forDomain(longDomain, "dbl.spamhaus.org"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("too long");
    }
}
