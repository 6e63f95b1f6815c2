package org.senderguard.adapters.postfix;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The count of undecided answers and the run they belong to, as a health report reads them. */
class PolicyServerStatusTest {

    private final MovableClock clock = new MovableClock();
    private final PolicyServerStatus status = new PolicyServerStatus(FailMode.DEFER, clock);

    @Test
    void undecidedAnswersAreCountedFromTheFirstUntilADecisionSucceeds() {
        assertThat(status.undecidedSince()).isEmpty();
        status.decided();
        Instant start = clock.instant();
        status.undecided("the database is unavailable");
        clock.advance(Duration.ofSeconds(3));
        status.undecided("no decision within 10000 ms\nsecond line");
        assertThat(status.undecidedTotal()).isEqualTo(2);
        assertThat(status.undecidedSince()).contains(start);

        clock.advance(Duration.ofSeconds(20));
        status.decided();
        assertThat(status.undecidedSince()).isEmpty();
        assertThat(status.undecidedTotal()).as("a total, not the current run").isEqualTo(2);

        clock.advance(Duration.ofSeconds(30));
        status.undecided("again");
        assertThat(status.undecidedSince()).contains(clock.instant());
        assertThat(status.undecidedTotal()).isEqualTo(3);
    }

    @Test
    void aRunThatStartsSoonAfterAnUnreportedEndContinuesTheRunBeforeIt() {
        Instant start = clock.instant();
        status.undecided("slow");
        clock.advance(Duration.ofSeconds(1));
        status.decided(); // within 10 s of the warning: its line waits
        assertThat(status.undecidedSince()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        status.undecided("slow");
        assertThat(status.undecidedSince()).as("one run while decisions flap").contains(start);
        assertThat(status.undecidedTotal()).isEqualTo(2);
    }

    @Test
    void beforeTheServerStartsItListensNowhere() {
        assertThat(status.listening()).isEmpty();
        assertThat(status.failMode()).isEqualTo(FailMode.DEFER);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
