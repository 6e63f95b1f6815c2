package org.senderguard.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"spam run", "Jürgen's «Spam» — 日本語", "emoji 📧🚫", "family 👨‍👩‍👧 (joined)",
            "flag 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "persian می‌خواهم", "'; DROP TABLE block_list_entry; --", "<script>alert(1)</script>"})
    void keepsWhatPeopleWrite(String text) {
        assertThat(FreeText.required("reason", "  " + text + " ", 1000, "required")).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul \u0000 byte", "forged\nINFO  admin logged in", "carriage\rreturn", "tab\there",
            "bell \u0007", "del \u007f", "c1 \u0085 next line", "line\u2028separator", "paragraph\u2029separator",
            "bidi \u202e override", "isolate \u2066x\u2069", "mark \u200f", "zero\u200bwidth", "bom \ufeff",
            "lone \ud800 high", "lone \udc00 low", "reversed \udc00\ud800 pair"})
    void refusesWhatForgesLinesOrHidesText(String text) {
        assertThatThrownBy(() -> FreeText.required("notes", text, 1000, "required"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("notes: contains U+")
                .satisfies(e -> assertThat(FreeText.escaped(e.getMessage())).isEqualTo(e.getMessage()));
    }

    @Test
    void boundsTheLengthAndTreatsBlankAsMissing() {
        assertThatThrownBy(() -> FreeText.required("name", "x".repeat(129), 128, "a name is required"))
                .hasMessage("name: at most 128 characters, not 129");
        assertThatThrownBy(() -> FreeText.required("reason", "😀".repeat(1000), 1000, "required"))
                .hasMessage("reason: at most 1000 characters, not 2000 (an emoji or another character beyond U+FFFF"
                        + " counts as two)");
        assertThatThrownBy(() -> FreeText.required("name", " \t ", 128, "a name is required"))
                .hasMessage("name: a name is required");
        assertThat(FreeText.optional("notes", " ", 10)).isNull();
        assertThat(FreeText.optional("notes", null, 10)).isNull();
    }

    @Test
    void placesARefusedCharacterByCharactersNotByUtf16Units() {
        assertThatThrownBy(() -> FreeText.required("reason", "😀😀😀x\u0007", 1000, "required"))
                .hasMessageStartingWith("reason: contains U+0007 at character 5:");
    }

    @Test
    void escapesWhatItRefusesSoThatAnEchoStaysOnOneLine() {
        assertThat(FreeText.escaped("a\r\nb\u202ec\ud800d📧")).isEqualTo("a\\r\\nb\\u202ec\\ud800d📧");
        assertThat(new InvalidValueException("sender", "'x\ny' is not an address").getMessage())
                .isEqualTo("sender: 'x\\ny' is not an address");
    }
}
