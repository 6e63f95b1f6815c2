package org.senderguard.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @Test
    void takesAnIdAsSenderguardWritesItInEitherCase() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.parse(id.toString())).contains(id);
        assertThat(Ids.parse(id.toString().toUpperCase())).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-2-3-4-5", "00000000-0000-0000-0000-00000000000", "00000000-0000-0000-0000-0000000000000",
            "000000000-000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000g",
            "00000000-0000-0000-0000-00000000000\u0663", " 00000000-0000-0000-0000-000000000000"})
    void refusesEveryOtherForm(String input) {
        assertThat(Ids.parse(input)).isEmpty();
    }

    @Test
    void refusesNoId() {
        assertThat(Ids.parse(null)).isEmpty();
    }
}
