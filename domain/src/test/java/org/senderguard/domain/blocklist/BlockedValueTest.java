package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.InvalidValueException;

class BlockedValueTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SENDER | Alice@Contoso.COM                        | alice@contoso.com",
            "SENDER | '  bob@contoso.com. '                    | bob@contoso.com",
            "SENDER | Jürgen@Bücher.example                    | jürgen@xn--bcher-kva.example",
            "SENDER | info@bücher.example                      | info@xn--bcher-kva.example",
            "DOMAIN | contoso.com                              | contoso.com",
            "DOMAIN | Contoso.COM.                             | contoso.com",
            "DOMAIN | bücher.example                           | xn--bcher-kva.example",
            "DOMAIN | *.Bücher.Example.                        | *.xn--bcher-kva.example",
            "DOMAIN | *.contoso.com                            | *.contoso.com",
            "DOMAIN | *.mail.contoso.co.uk                     | *.mail.contoso.co.uk",
            "DOMAIN | example.co.uk                            | example.co.uk",
            "DOMAIN | *.evil.blogspot.com                      | *.evil.blogspot.com",
            "IP     | 198.51.100.7                             | 198.51.100.7",
            "IP     | 198.51.100.7/32                          | 198.51.100.7",
            "IP     | 198.51.100.0/24                          | 198.51.100.0/24",
            "IP     | 0.0.0.0/0                                | 0.0.0.0/0",
            "IP     | 2001:0db8:0000:0000:0000:0000:0000:0001  | 2001:db8::1",
            "IP     | 2001:DB8:0:0:1:0:0:1                     | 2001:db8::1:0:0:1",
            "IP     | 2001:db8::/32                            | 2001:db8::/32",
            "IP     | 2001:0DB8:0000::/48                      | 2001:db8::/48",
            "IP     | 2001:db8::1/128                          | 2001:db8::1",
            "IP     | ::ffff:198.51.100.7                      | 198.51.100.7",
            "IP     | ::FFFF:c633:6407                         | 198.51.100.7",
            "IP     | ::ffff:198.51.100.0/120                  | 198.51.100.0/24",
            "IP     | ::ffff:0:0/96                            | 0.0.0.0/0",
            "IP     | ::/0                                     | ::/0",
            "IP     | ' 203.0.113.9 '                          | 203.0.113.9",
            "URL    | https://x.bad-example.net/p              | x.bad-example.net/p",
            "URL    | x.bad-example.net/p                      | x.bad-example.net/p",
            "URL    | HTTP://X.Bad-Example.NET./p?q=1#frag     | x.bad-example.net/p",
            "URL    | http://user:pw@x.bad-example.net:8080/p  | x.bad-example.net/p",
            "URL    | x.bad-example.net:8443/p                 | x.bad-example.net/p",
            "URL    | https://x.bad-example.net/               | x.bad-example.net",
            "URL    | https://x.bad-example.net                | x.bad-example.net",
            "URL    | https://x.bad-example.net?x=1            | x.bad-example.net",
            "URL    | x.bad-example.net/Path/Case/             | x.bad-example.net/Path/Case/",
            "URL    | x.bad-example.net/a/./b/../c             | x.bad-example.net/a/c",
            "URL    | x.bad-example.net/%7euser/%2fx%2F        | x.bad-example.net/~user/%2Fx%2F",
            "URL    | x.bad-example.net/a%41b                  | x.bad-example.net/aAb",
            "URL    | x.bad-example.net/straße                 | x.bad-example.net/stra%C3%9Fe",
            "URL    | x.bad-example.net/a<b>                   | x.bad-example.net/a%3Cb%3E",
            "URL    | x.bad-example.net/100%                   | x.bad-example.net/100%25",
            "URL    | https://bücher.example/p                 | xn--bcher-kva.example/p",
            "URL    | *.bad-example.net/p                      | *.bad-example.net/p",
            "URL    | https://*.bad-example.net                | *.bad-example.net",
            "URL    | http://198.51.100.7/login                | 198.51.100.7/login",
            "URL    | http://0xC6.51.100.7/login               | 198.51.100.7/login",
            "URL    | http://[2001:DB8::1]:8080/x              | [2001:db8::1]/x",
            "URL    | http://[::ffff:198.51.100.7]/x           | 198.51.100.7/x",
            "URL    | http:\\\\evil.example\\path              | evil.example/path",
            "URL    | //evil.example/p                         | evil.example/p"})
    void normalisesToOneCanonicalForm(EntryType type, String input, String expected) {
        BlockedValue value = BlockedValue.parse(type, input);
        assertThat(value.value()).isEqualTo(expected);
        assertThat(value.type()).isEqualTo(type);
        assertThat(BlockedValue.of(type, expected)).isEqualTo(value);
        assertThat(BlockedValue.parse(type, expected)).as("idempotent").isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IP     | 198.51.100.7/24           | '198.51.100.7/24' has host bits set; did you mean 198.51.100.0/24?",
            "IP     | 10.1.2.3/8                | did you mean 10.0.0.0/8?",
            "IP     | 2001:db8::1/32            | '2001:db8::1/32' has host bits set; did you mean 2001:db8::/32?",
            "IP     | ::ffff:198.51.100.7/120   | did you mean 198.51.100.0/24?",
            "IP     | 1.2.3.4-5                 | '1.2.3.4-5' is not an IP address or CIDR range (ranges and wildcards",
            "IP     | 1.2.3.*                   | '1.2.3.*' is not an IP address or CIDR range (ranges and wildcards",
            "IP     | fe80::1%eth0              | 'fe80::1%eth0' is not an IP address or CIDR range (zone ids",
            "IP     | example.com               | 'example.com' is not an IP address or CIDR range (host names",
            "IP     | 1.2.3.4/33                | '1.2.3.4/33' is not an IP address or CIDR range",
            "IP     | 256.1.1.1                 | '256.1.1.1' is not an IP address or CIDR range",
            "IP     | 010.1.1.1                 | '010.1.1.1' is not an IP address or CIDR range",
            "IP     | 1.2.3                     | '1.2.3' is not an IP address or CIDR range",
            "IP     | 1.2.3.0/255.255.255.0     | '1.2.3.0/255.255.255.0' is not an IP address or CIDR range",
            "IP     | 1.2.3.4/                  | '1.2.3.4/' is not an IP address or CIDR range",
            "DOMAIN | *contoso.com              | '*contoso.com' has a wildcard in the wrong place",
            "DOMAIN | a.*.com                   | 'a.*.com' has a wildcard in the wrong place",
            "DOMAIN | *                         | '*' has a wildcard in the wrong place",
            "DOMAIN | *.*.contoso.com           | '*.*.contoso.com' has a wildcard in the wrong place",
            "DOMAIN | *.                        | '*.' has no domain after '*.'",
            "DOMAIN | com                       | 'com' is a public suffix",
            "DOMAIN | co.uk                     | 'co.uk' is a public suffix",
            "DOMAIN | CO.UK.                    | 'CO.UK.' is a public suffix",
            "DOMAIN | *.com                     | '*.com' would cover every domain registered under the public suffix com",
            "DOMAIN | *.co.uk                   | '*.co.uk' would cover every domain registered under the public suffix co.uk",
            "DOMAIN | localhost                 | 'localhost' is not a valid domain name",
            "DOMAIN | exa_mple.com              | 'exa_mple.com' is not a valid domain name",
            "DOMAIN | *.exa_mple.com            | '*.exa_mple.com' is not a valid wildcard domain",
            "DOMAIN | user@contoso.com          | for an email address use type SENDER",
            "DOMAIN | contoso.com/path          | for a URL use type URL",
            "DOMAIN | 198.51.100.7              | for an IP address use type IP",
            "DOMAIN | <script>                  | '<script>' is not a valid domain name",
            "SENDER | not-an-address            | 'not-an-address' is not an email address",
            "SENDER | a b@contoso.com           | 'a b@contoso.com' has an invalid local part",
            "SENDER | alice@contoso..com        | 'alice@contoso..com' is not a valid email address",
            "SENDER | <script>@x.com            | '<script>@x.com' has an invalid local part",
            "URL    | ftp://files.example/x     | 'ftp://files.example/x' is not a valid URL (only http:// and https:// URLs",
            "URL    | javascript:alert(1)       | 'javascript:alert(1)' is not a valid URL (only http:// and https:// URLs",
            "URL    | mailto:a@b.example        | 'mailto:a@b.example' is not a valid URL (only http:// and https:// URLs",
            "URL    | http://                   | 'http://' is not a valid URL (it has no host)",
            "URL    | http://:8080/x            | 'http://:8080/x' is not a valid URL (it has no host)",
            "URL    | http://u@/x               | 'http://u@/x' is not a valid URL (it has no host)",
            "URL    | /path/only                | '/path/only' is not a valid URL (it has no host)",
            "URL    | http://exa_mple.com/x     | 'http://exa_mple.com/x' is not a valid URL (its host is not valid",
            "URL    | http://x.example:99999/   | the port must be a number",
            "URL    | http://x.example/a b      | (it contains whitespace)",
            "URL    | *.x.*.example/p           | a wildcard is only allowed as a leading '*.'",
            "URL    | x*.example/p              | a wildcard is only allowed as a leading '*.'",
            "URL    | *.198.51.100.7/p          | '*.' cannot be put before an IP address",
            "URL    | https://co.uk/x           | its host co.uk is a public suffix",
            "URL    | *.com                     | is not a valid URL (its host is not valid",
            "URL    | http://[2001:db8::1/x     | its IPv6 host has no closing ']'",
            "URL    | http://[example.com]/x    | has an invalid IPv6 host"})
    void rejectsNamingTheValueAndTheReason(EntryType type, String input, String expectedMessage) {
        assertThatThrownBy(() -> BlockedValue.parse(type, input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("value: ")
                .hasMessageContaining(expectedMessage)
                .hasMessageContaining("'" + input.strip() + "'")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("value"));
    }

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void requiresAValue(EntryType type) {
        for (String blank : new String[] {null, "", "   ", "\t\n"}) {
            assertThatThrownBy(() -> BlockedValue.parse(type, blank))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("value: a value is required");
        }
    }

    @ParameterizedTest
    @EnumSource(EntryType.class)
    void rejectsInjectionStrings(EntryType type) {
        for (String attack : new String[] {"'; DROP TABLE x; --", "<script>alert(1)</script>", "\" OR 1=1 --",
                "${jndi:ldap://x.example/a}", "example.com\nX-Header: y", "example.com\r\nX-Header: y",
                "a@example.com\u0000", "198.51.100.7\nX: y", "%0d%0aX-Header: y"}) {
            assertThatThrownBy(() -> BlockedValue.parse(type, attack))
                    .as("%s %s", type, attack)
                    .isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "\u0000"));
        }
    }

    @Test
    void controlCharactersAreNamedEscaped() {
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.DOMAIN, "example.com\nX-Header: y"))
                .hasMessage("value: 'example.com\\nX-Header: y' contains a control character");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "http://x.example/\u001b[31m"))
                .hasMessage("value: 'http://x.example/\\u001b[31m' contains a control character");
    }

    @Test
    void anUnpairedSurrogateIsRefusedAndOtherInvisibleCharactersInAPathAreEscaped() {
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "http://x.example/\ud800"))
                .hasMessage("value: 'http://x.example/\\ud800' contains half of a character (an unpaired surrogate)");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.SENDER, "a\udc00@x.example"))
                .hasMessageContaining("unpaired surrogate");
        assertThat(BlockedValue.parse(EntryType.URL, "http://x.example/\u202egnp.exe").value())
                .isEqualTo("x.example/%E2%80%AEgnp.exe");
    }

    @Test
    void rejectsOverLongValuesNamingTheLimit() {
        String local = "a".repeat(64);
        String longAddress = local + "@" + ("b".repeat(60) + ".").repeat(3) + "example.com"; // 259 characters
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.SENDER, longAddress))
                .hasMessageContaining("is longer than 254 characters")
                .hasMessageContaining("'aaaa")
                .hasMessageContaining("(" + longAddress.length() + " characters)");

        String longDomain = ("a".repeat(60) + ".").repeat(4) + "example.com"; // 255 characters
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.DOMAIN, longDomain))
                .hasMessageContaining("longer than 253 characters");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.DOMAIN, "*." + longDomain))
                .hasMessageContaining("longer than 253 characters");
        String longestDomain = ("a".repeat(62) + ".").repeat(3) + "b".repeat(57) + ".com"; // 253 characters
        assertThat(BlockedValue.parse(EntryType.DOMAIN, "*." + longestDomain + ".").value())
                .isEqualTo("*." + longestDomain);

        String path = "/" + "p".repeat(2048 - "x.example/".length());
        assertThat(BlockedValue.parse(EntryType.URL, "x.example" + path).value()).hasSize(2048);
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "x.example" + path + "q"))
                .hasMessageContaining("is longer than 2048 characters");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "x.example/" + "<".repeat(700)))
                .hasMessageContaining("longer than 2048 characters once normalised");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "a".repeat(300) + ".example/p"))
                .hasMessageContaining("its host is longer than 254 characters");

        assertThatThrownBy(() -> BlockedValue.parse(EntryType.IP, "1".repeat(65)))
                .hasMessageContaining("is longer than 64 characters");
    }

    @Test
    void theDomainOfADomainValueIsWithoutItsWildcard() {
        assertThat(BlockedValue.parse(EntryType.DOMAIN, "*.Spam.example").domain().value()).isEqualTo("spam.example");
        assertThat(BlockedValue.parse(EntryType.DOMAIN, "spam.example").domain().value()).isEqualTo("spam.example");
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.IP, "192.0.2.1").domain())
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "203.0.0.0/16     | 203.0.113.0/24    | true",
            "203.0.113.0/24   | 203.0.113.0/24    | true",
            "203.0.113.0/24   | 203.0.113.255     | true",
            "203.0.113.0/24   | 203.0.0.0/16      | false",
            "203.0.113.0/24   | 203.0.114.0/24    | false",
            "0.0.0.0/0        | 2001:db8::/32     | false",
            "2001:db8::/32    | 2001:db8:2::/48   | true",
            "2001:db8:2::/48  | 2001:db8:2::/47   | false",
    })
    void aNetworkCoversItselfAndWhatLiesInsideIt(String wider, String narrower, boolean covers) {
        assertThat(BlockedValue.parse(EntryType.IP, wider).covers(BlockedValue.parse(EntryType.IP, narrower)))
                .isEqualTo(covers);
    }

    @Test
    void ofRefusesWhatIsNotCanonical() {
        assertThatThrownBy(() -> BlockedValue.of(EntryType.DOMAIN, "Contoso.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockedValue.of(EntryType.IP, "198.51.100.7/24"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockedValue.of(EntryType.IP, "::ffff:198.51.100.7"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockedValue.of(EntryType.URL, "https://x.example/p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockedValue.of(EntryType.SENDER, "Alice@contoso.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockedValue.of(EntryType.DOMAIN, "*.co.uk"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
