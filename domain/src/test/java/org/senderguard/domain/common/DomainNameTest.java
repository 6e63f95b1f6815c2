package org.senderguard.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({
            "contoso.com, contoso.com",
            "Contoso.COM, contoso.com",
            "contoso.com., contoso.com",
            "'  mail.contoso.com ', mail.contoso.com",
            "bücher.example, xn--bcher-kva.example",
            "BÜCHER.example., xn--bcher-kva.example",
            "faß.example, xn--fa-hia.example",
            "straße.de, xn--strae-oqa.de",
            "xn--bcher-kva.example, xn--bcher-kva.example",
            "a-b.c-d.co.uk, a-b.c-d.co.uk"})
    void normalisesToCanonicalAscii(String input, String expected) {
        assertThat(DomainName.parse("domain", input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "not a domain", "-bad.com", "bad-.com", "a..com", "contoso.123",
            "exa_mple.com", "'; DROP TABLE tenant; --", "contoso.com/path", "user@contoso.com"})
    void rejectsWhatIsNotADomainNamingTheField(String input) {
        assertThatThrownBy(() -> DomainName.parse("domains", input))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("domains: ")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("domains"));
    }

    @org.junit.jupiter.api.Test
    void rejectsOverLongNamesAndLabels() {
        String label64 = "a".repeat(64);
        assertThatThrownBy(() -> DomainName.parse("d", label64 + ".com")).hasMessageContaining("label");
        String tooLong = ("a".repeat(60) + ".").repeat(5) + "com";
        assertThatThrownBy(() -> DomainName.parse("d", tooLong)).hasMessageContaining("253");
    }

    @org.junit.jupiter.api.Test
    void knowsItsSubdomains() {
        DomainName contoso = DomainName.parse("d", "contoso.com");
        assertThat(DomainName.parse("d", "mail.contoso.com").isWithin(contoso)).isTrue();
        assertThat(contoso.isWithin(contoso)).isTrue();
        assertThat(DomainName.parse("d", "badcontoso.com").isWithin(contoso)).isFalse();
        assertThat(contoso.isWithin(DomainName.parse("d", "mail.contoso.com"))).isFalse();
    }
}
