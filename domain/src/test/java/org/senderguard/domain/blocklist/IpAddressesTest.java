package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.InvalidValueException;

/** The plain IPv4 notation is read without the library; it must read it exactly as the library does. */
class IpAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "255.255.255.255", "192.0.2.1", "192.0.2.1/32", "192.0.2.0/24", "0.0.0.0/0",
            "10.0.0.0/8", "128.0.0.0/1", "1.2.3.4/31", "1.2.3.0/31", "01.2.3.4", "1.2.3.04", "1.2.3.4/032", "1.2.3.4/0",
            "1.2.3.4/24", "256.1.1.1", "1.2.3.999", "1.2.3", "1.2.3.4.5", "1.2.3.4/", "1.2.3.4/33", "1.2.3.4/ 8",
            "1..2.3", ".1.2.3", "1.2.3.4.", "1234.1.1.1", "1.2.3.-4", "1.2.3.4/+8", "1.2.3.4/08", "1.2.3.0/00",
            "１.2.3.4", "0x7f.0.0.1", "::ffff:192.0.2.1", "2001:db8::/32"})
    void readsEachNotationAsTheLibraryDoes(String input) {
        assertSameAsLibrary(input);
    }

    @Property(tries = 2000)
    void readsDottedQuadsAsTheLibraryDoes(@ForAll("dottedQuads") String input) {
        assertSameAsLibrary(input);
    }

    @Provide
    Arbitrary<String> dottedQuads() {
        Arbitrary<String> octet = Arbitraries.oneOf(Arbitraries.integers().between(0, 300).map(String::valueOf),
                Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(4));
        Arbitrary<String> prefix = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(0, 40).map(p -> "/" + p),
                Arbitraries.strings().withChars("0123456789/").ofMaxLength(4).map(p -> "/" + p));
        return octet.list().ofSize(4).map(octets -> String.join(".", octets))
                .flatMap(quad -> prefix.map(p -> quad + p));
    }

    private static void assertSameAsLibrary(String input) {
        String expected;
        try {
            expected = IpAddresses.parsedCanonicalRange("value", input);
        } catch (InvalidValueException refused) {
            assertThatThrownBy(() -> IpAddresses.canonicalRange("value", input))
                    .isInstanceOf(InvalidValueException.class).hasMessage(refused.getMessage());
            return;
        }
        assertThat(IpAddresses.canonicalRange("value", input)).isEqualTo(expected);
    }
}
