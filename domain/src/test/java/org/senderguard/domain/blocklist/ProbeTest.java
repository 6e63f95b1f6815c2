package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;

class ProbeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "198.51.100.7                      | Ip      | 198.51.100.7",
            "::ffff:198.51.100.7               | Ip      | 198.51.100.7",
            "2001:0DB8::0001                   | Ip      | 2001:db8::1",
            "[2001:db8::1]                     | Ip      | 2001:db8::1",
            "Bob@Contoso.com                   | Address | bob@contoso.com",
            "https://X.Bad-Example.net/p?q=1   | Url     | x.bad-example.net/p",
            "ftp://files.example/x             | Url     | files.example/x",
            "x.bad-example.net/p               | Url     | x.bad-example.net/p",
            "http://[::ffff:198.51.100.7]:80/  | Url     | 198.51.100.7",
            "http://[2001:db8::1]/a            | Url     | [2001:db8::1]/a",
            "bücher.example.                   | Domain  | xn--bcher-kva.example"})
    void detectsTheKind(String input, String kind, String value) {
        Probe probe = Probe.parse(input);
        assertThat(probe.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(probe.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "198.51.100.0/24", "*.contoso.com", "localhost", "contoso.com\nX: y",
            "'; DROP TABLE x; --", "<script>", "mailto:bob@contoso.com", "javascript:alert(1)"})
    void rejectsWhatCannotBeLookedUp(String input) {
        assertThatThrownBy(() -> Probe.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("value"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void urlAndIpNameTheirFields() {
        assertThatThrownBy(() -> Probe.url("http:///"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("url: ");
        assertThatThrownBy(() -> Probe.url("mailto:bob@contoso.com")).hasMessageStartingWith("url: ");
        assertThatThrownBy(() -> Probe.url(null)).hasMessage("url: a URL is required");
        assertThatThrownBy(() -> Probe.ip("198.51.100.0/24"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("clientIp: '198.51.100.0/24'");
        assertThatThrownBy(() -> Probe.ip("mail.contoso.com")).hasMessageStartingWith("clientIp: ");
        assertThatThrownBy(() -> Probe.ip("fe80::1%eth0")).hasMessageContaining("zone");
        assertThatThrownBy(() -> Probe.ip(" ")).hasMessage("clientIp: an IP address is required");
    }

    /** What rate limits count by: one client, and the network one holder usually has. */
    @Test
    void anIpNamesItsClientAndItsHoldersNetwork() {
        assertThat(Probe.ip("clientIp", "198.51.100.7").clientNetwork()).isEqualTo("198.51.100.7");
        assertThat(Probe.ip("clientIp", "198.51.100.7").holderNetwork()).isEqualTo("198.51.100.0/24");
        assertThat(Probe.ip("clientIp", "2001:db8:1:2:3::5").clientNetwork()).isEqualTo("2001:db8:1:2::/64");
        assertThat(Probe.ip("clientIp", "2001:db8:1:2:3::5").holderNetwork()).isEqualTo("2001:db8:1::/48");
    }

    @Test
    void aBadClientIpIsExplainedInPlainWords() {
        assertThatThrownBy(() -> Probe.ip("198.51.100.7:25"))
                .hasMessage("clientIp: '198.51.100.7:25' is not an IP address (a port is not part of an address)");
        assertThatThrownBy(() -> Probe.ip("198.51.100.*")).hasMessage("clientIp: '198.51.100.*' is not an IP address"
                + " (ranges and wildcards are not accepted: give one address)");
        assertThatThrownBy(() -> Probe.ip("1")).hasMessage("clientIp: '1' is not an IP address (an IPv4 address is"
                + " four numbers separated by dots, such as 192.0.2.1)");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.IP, "198.51.100.*")).hasMessageEndingWith(
                "(ranges and wildcards are not accepted; write a CIDR range such as 198.51.100.0/24)");
    }

    @Test
    void urlKeepsItsHostAsDomainOrIp() {
        Probe.Url url = (Probe.Url) Probe.url("https://user@Shop.Contoso.com:8443/a/%7Eb/../c?x#y");
        assertThat(url.host()).isEqualTo("shop.contoso.com");
        assertThat(url.path()).isEqualTo("/a/c");
        assertThat(url.domain()).isEqualTo(new DomainName("shop.contoso.com"));
        assertThat(url.ip()).isNull();
        Probe.Url byIp = (Probe.Url) Probe.url("http://0x7f.1/x");
        assertThat(byIp.ip()).isEqualTo(Probe.ip("127.0.0.1"));
        assertThat(byIp.domain()).isNull();
    }

    /** Spellings that browsers open on the same host, so that a listed host cannot be dodged with them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://198.51.100.7./p                             | 198.51.100.7/p",
            "http://198.51.100.7%2e/p                           | 198.51.100.7/p",
            "http://\uff11\uff19\uff18.51.100.7/p                | 198.51.100.7/p",
            "http://198\u300251\u3002100\u30027/p                | 198.51.100.7/p",
            "http://0xc6.51.100.7./p                            | 198.51.100.7/p",
            "http://198.51.100.7:0000000080/p                   | 198.51.100.7/p",
            "https://evil.example:000443/p                      | evil.example/p",
            "http://Evil.Example.:0/p                           | evil.example/p"})
    void urlHostsAreReadAsBrowsersReadThem(String link, String canonical) {
        assertThat(Probe.url(link).value()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example:65536/p", "http://evil.example:00065536/p", "http://evil.example:8x/p",
            "http://198.51.100.300./p"})
    void urlsBrowsersRefuseAreRefused(String link) {
        assertThatThrownBy(() -> Probe.url(link)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void wrapsParsedValues() {
        assertThat(Probe.address(EmailAddress.parse("a", "bob@contoso.com")).value()).isEqualTo("bob@contoso.com");
        assertThat(Probe.domain(DomainName.parse("d", "contoso.com"))).isEqualTo(Probe.parse("contoso.com"));
        assertThat(Probe.ip("::ffff:c633:6407")).isEqualTo(Probe.parse("198.51.100.7"));
    }
}
