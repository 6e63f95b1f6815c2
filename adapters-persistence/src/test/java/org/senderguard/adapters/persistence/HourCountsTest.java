package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.outbound.SendingTally.MinuteCount;

class HourCountsTest {

    @Test
    void readsBackWhatItWrites() {
        List<MinuteCount> minutes = List.of(new MinuteCount(29_000_000L, 3, 1, 0), new MinuteCount(29_000_001L, 0, 12, 4));
        String column = HourCounts.format(minutes);
        assertThat(column).isEqualTo("29000000:3:1:0 29000001:0:12:4");
        assertThat(HourCounts.parse(column)).isEqualTo(minutes);
    }

    @Test
    void anEmptyColumnOrExtraSpacesHoldNothingMore() {
        assertThat(HourCounts.parse(null)).isEmpty();
        assertThat(HourCounts.parse("")).isEmpty();
        assertThat(HourCounts.parse("  ")).isEmpty();
        assertThat(HourCounts.parse(" 5:1:2:3  6:0:0:1 ")).containsExactly(new MinuteCount(5, 1, 2, 3),
                new MinuteCount(6, 0, 0, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5:1:2", "5:1:2:3:4", "5:1:x:3", "5::2:3", ":1:2:3", "5:1:2:"})
    void aMalformedEntryIsNamed(String entry) {
        assertThatThrownBy(() -> HourCounts.parse("1:0:0:0 " + entry))
                .isInstanceOf(IllegalStateException.class).hasMessage("malformed hour_counts entry: " + entry);
    }
}
