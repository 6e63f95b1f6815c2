package org.senderguard.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @CsvSource({
            "Alice@Contoso.COM, alice@contoso.com",
            "' bob.smith+tag@mail.contoso.com. ', bob.smith+tag@mail.contoso.com",
            "Jürgen@Bücher.example, jürgen@xn--bcher-kva.example",
            "ΣΟΦΙΑ@example.gr, σοφια@example.gr",
            "ſales@example.com, sales@example.com",
            "Straße@example.de, strasse@example.de",
            "oﬀice@example.com, office@example.com",
            "ılker@example.com.tr, ilker@example.com.tr",
            "post@bücher.example, post@xn--bcher-kva.example"})
    void normalises(String input, String expected) {
        if (expected.equals("REJECT")) {
            assertThatThrownBy(() -> EmailAddress.parse("sender", input)).isInstanceOf(InvalidValueException.class);
        } else {
            assertThat(EmailAddress.parse("sender", input).value()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@contoso.com", "alice@", "al ice@contoso.com", "a..b@contoso.com",
            ".a@contoso.com", "a.@contoso.com", "a\"b@contoso.com", "a(b)@contoso.com", "a,b@contoso.com",
            "a[b]@contoso.com", "a\\b@contoso.com", "alice@localhost",
            "a\u202eb@contoso.com", "a\u200bb@contoso.com", "a\u00a0b@contoso.com", "a\u0085b@contoso.com",
            "a\ue000b@contoso.com", "a\ud800b@contoso.com", "a\u2028b@contoso.com", "a\u034fb@contoso.com",
            "a\ufe0fb@contoso.com", "a\u3164b@contoso.com", "<alice@contoso.com>", "alice@contoso.com;DROP TABLE x"})
    void rejectsWhatIsNotAnAddress(String input) {
        assertThatThrownBy(() -> EmailAddress.parse("recipients", input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("recipients: ");
    }

    @org.junit.jupiter.api.Test
    void acceptsEverySymbolOfADotAtom() {
        assertThat(EmailAddress.parse("sender", "A.!#$%&'*+/=?^_`{|}~-.9@contoso.com").localPart())
                .isEqualTo("a.!#$%&'*+/=?^_`{|}~-.9");
    }

    @org.junit.jupiter.api.Test
    void aCanonicalAddressIsLowerCaseDotAtoms() {
        DomainName domain = DomainName.parse("domain", "contoso.com");
        assertThat(new EmailAddress("a.b", domain).value()).isEqualTo("a.b@contoso.com");
        for (String local : new String[] {"A", "a..b", ".a", "a.", "", "a b"}) {
            assertThatThrownBy(() -> new EmailAddress(local, domain)).as(local)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void rejectsOverLongLocalParts() {
        assertThatThrownBy(() -> EmailAddress.parse("sender", "a".repeat(65) + "@contoso.com"))
                .hasMessageContaining("local part");
    }

    @Test
    void aLocalPartBeyondAsciiIsOneMailboxHoweverItsAccentsAreComposed() {
        EmailAddress composed = EmailAddress.parse("recipient", "J\u00fcrgen@example.de");
        EmailAddress decomposed = EmailAddress.parse("recipient", "Ju\u0308rgen@example.de");
        assertThat(decomposed).isEqualTo(composed);
        assertThat(composed.localPart()).isEqualTo("j\u00fcrgen");
        assertThat(EmailAddress.of(composed.value())).isEqualTo(composed);
        assertThatThrownBy(() -> new EmailAddress("ju\u0308rgen", composed.domain())).as("not in form C")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLocalPartLimitCountsUtf8Bytes() {
        assertThat(EmailAddress.parse("sender", "\u00e9".repeat(32) + "@contoso.com").localPart()).hasSize(32);
        assertThatThrownBy(() -> EmailAddress.parse("sender", "\u00e9".repeat(32) + "a@contoso.com"))
                .hasMessageContaining("at most 64 bytes");
    }

    @org.junit.jupiter.api.Test
    void roundTripsThroughItsCanonicalForm() {
        EmailAddress address = EmailAddress.parse("sender", "Alice@Contoso.com");
        assertThat(EmailAddress.of(address.value())).isEqualTo(address);
    }

    @Test
    void theMailboxLeavesOutTheSubaddress() {
        assertThat(EmailAddress.parse("e", "User+Tag+More@Example.com").mailbox()).isEqualTo(EmailAddress.parse("e",
                "user@example.com"));
        assertThat(EmailAddress.parse("e", "user@example.com").mailbox().value()).isEqualTo("user@example.com");
        assertThat(EmailAddress.parse("e", "+tag@example.com").mailbox().value()).as("nothing before the +")
                .isEqualTo("+tag@example.com");
        assertThat(EmailAddress.parse("e", "dan.+x@example.com").mailbox().value()).as("a dot before the +")
                .isEqualTo("dan@example.com");
        assertThat(EmailAddress.parse("e", "d.a.n.+x.y@example.com").mailbox().value()).isEqualTo("d.a.n@example.com");
    }
}
