package org.senderguard.domain.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.outbound.SendingTally.MinuteCount;

class SendingTallyTest {

    private static final Instant START = Instant.parse("2026-05-04T23:00:10Z");

    @Test
    void countsTheRollingHourAndTheUtcDay() {
        SendingTally tally = SendingTally.EMPTY.plus(new MessageWeight(2, 1, 0), START)
                .plus(new MessageWeight(3, 0, 1), START.plusSeconds(30))
                .plus(new MessageWeight(1, 1, 1), START.plusSeconds(59 * 60));

        assertThat(tally.usageAt(START.plusSeconds(59 * 60))).isEqualTo(new SendingUsage(6, 2, 8, 2));
        // The first minute leaves the window 61 minutes after it began; the day restarts at 00:00 UTC.
        assertThat(tally.usageAt(Instant.parse("2026-05-04T23:59:59.999Z"))).isEqualTo(new SendingUsage(6, 2, 8, 2));
        assertThat(tally.usageAt(Instant.parse("2026-05-05T00:00:59.999Z"))).isEqualTo(new SendingUsage(6, 2, 0, 2));
        assertThat(tally.usageAt(Instant.parse("2026-05-05T00:01:00Z"))).isEqualTo(new SendingUsage(1, 1, 0, 1));
        assertThat(tally.usageAt(START.plusSeconds(59 * 60 - 11)))
                .as("a minute later than now does not count yet; the day holds the whole day")
                .isEqualTo(new SendingUsage(5, 1, 8, 1));
        assertThat(tally.usageAt(START.plusSeconds(2 * 3600))).isEqualTo(new SendingUsage(0, 0, 0, 0));
    }

    @Test
    void oneMinuteIsOneEntryAndMinutesThatLeftTheHourAreDropped() {
        SendingTally tally = SendingTally.EMPTY;
        for (int minute = 0; minute < 180; minute++) {
            tally = tally.plus(new MessageWeight(1, 0, 0), START.plusSeconds(minute * 60L))
                    .plus(new MessageWeight(0, 1, 0), START.plusSeconds(minute * 60L + 5));
        }
        assertThat(tally.minutes()).hasSize(SendingTally.WINDOW_MINUTES + 1)
                .allSatisfy(m -> assertThat(m.external() + m.internal()).isEqualTo(2));
        assertThat(tally.usageAt(START.plusSeconds(179 * 60))).isEqualTo(new SendingUsage(61, 61, 240, 0));
    }

    /** However the minutes fall, what was sent less than 60 minutes ago counts: never twice a limit in an hour. */
    @Test
    void aMessageCountsForAtLeastSixtyMinutes() {
        Instant sent = Instant.parse("2026-05-04T10:00:59Z");
        SendingTally tally = SendingTally.EMPTY.plus(new MessageWeight(500, 0, 0), sent);
        assertThat(tally.usageAt(sent.plusSeconds(59 * 60 + 1)).externalLastHour()).isEqualTo(500);
        assertThat(tally.usageAt(sent.plusSeconds(60 * 60 - 1)).externalLastHour()).isEqualTo(500);
        assertThat(tally.usageAt(sent.plusSeconds(61 * 60 + 1)).externalLastHour()).isZero();
    }

    @Test
    void aNewDayStartsTheDayCountAgain() {
        SendingTally yesterday = SendingTally.EMPTY.plus(new MessageWeight(5, 0, 0), START);
        SendingTally today = yesterday.plus(new MessageWeight(1, 0, 0), Instant.parse("2026-05-05T00:00:01Z"));
        assertThat(today.day()).isEqualTo(LocalDate.parse("2026-05-05"));
        assertThat(today.dayRecipients()).isEqualTo(1);
        assertThat(today.usageAt(Instant.parse("2026-05-05T00:00:30Z"))).as("the hour still holds 23:00")
                .isEqualTo(new SendingUsage(6, 0, 1, 0));
    }

    @Test
    void aClockALittleBehindCountsIntoTheLaterDayAndKeepsLaterMinutes() {
        Instant ahead = Instant.parse("2026-05-05T00:00:30Z");
        Instant behind = ahead.minusSeconds(40);
        SendingTally tally = SendingTally.EMPTY.plus(new MessageWeight(1, 0, 0), ahead)
                .plus(new MessageWeight(2, 0, 0), behind);
        assertThat(tally.minutes()).extracting(MinuteCount::external).containsExactly(2, 1);
        assertThat(tally.day()).isEqualTo(LocalDate.parse("2026-05-05"));
        assertThat(tally.usageAt(ahead)).isEqualTo(new SendingUsage(3, 0, 3, 0));

        SendingTally farAhead = SendingTally.EMPTY.plus(new MessageWeight(1, 0, 0), START.plusSeconds(2 * 86_400));
        SendingTally corrected = farAhead.plus(new MessageWeight(1, 0, 0), START);
        assertThat(corrected.minutes()).as("a minute two days ahead is dropped").hasSize(1);
        assertThat(corrected.day()).as("and so is its day")
                .isEqualTo(LocalDate.parse("2026-05-04"));
        assertThat(corrected.usageAt(START)).isEqualTo(new SendingUsage(1, 0, 1, 0));
    }

    @Test
    void minutesMustAscend() {
        assertThatThrownBy(() -> new SendingTally(List.of(new MinuteCount(2, 0, 0, 0), new MinuteCount(1, 0, 0, 0)),
                null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
