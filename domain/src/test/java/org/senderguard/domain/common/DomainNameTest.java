package org.senderguard.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
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
            "XN--BCHER-KVA.example, xn--bcher-kva.example",
            "a-b.c-d.co.uk, a-b.c-d.co.uk"})
    void normalisesToCanonicalAscii(String input, String expected) {
        assertThat(DomainName.parse("domain", input).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "not a domain", "-bad.com", "bad-.com", "a..com", "contoso.123",
            "exa_mple.com", "ab--cd.com", "xn--zz.com", "'; DROP TABLE tenant; --", "contoso.com/path", "user@contoso.com"})
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

    /** Plain ASCII names skip UTS #46 processing; for them it must give what UTS #46 gives. */
    @Property
    void plainAsciiNamesAreCanonicalAsUts46MakesThem(@ForAll @StringLength(min = 1, max = 30)
                                                    @Chars({'a', 'B', 'z', '0', '9', '-', '.', 'x', 'n'}) String name) {
        String uts46;
        try {
            uts46 = DomainName.toAscii(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
        } catch (IllegalArgumentException rejected) {
            assertThatThrownBy(() -> DomainName.parse("d", name)).isInstanceOf(InvalidValueException.class);
            return;
        }
        try {
            assertThat(DomainName.parse("d", name).value()).isEqualTo(uts46);
        } catch (InvalidValueException rejected) {
            // Rejected by the rules that follow UTS #46 (labels, lengths): both paths apply them.
            assertThat(rejected.getMessage()).doesNotContain("not allowed in a domain name");
        }
    }
}
