package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthenticationFailuresTest {

    private static final String ATTACKER = "203.0.113.7";
    private static final String NEIGHBOUR = "2001:db8:1:2::/64";

    private final StepClock clock = new StepClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AuthenticationFailures failures =
            new AuthenticationFailures(3, Duration.ofMinutes(1), Duration.ofSeconds(10), clock);

    @Test
    void aNetworkIsThrottledOnceItReachesTheLimitUntilItsWindowEnds() {
        failures.failed(ATTACKER);
        failures.failed(ATTACKER);
        assertThat(failures.throttled(ATTACKER)).isEmpty();
        clock.now = clock.now.plusSeconds(15);
        failures.failed(ATTACKER);

        assertThat(failures.throttled(ATTACKER)).as("the window began with the first failure")
                .contains(Duration.ofSeconds(45));
        assertThat(failures.throttled(NEIGHBOUR)).as("other networks are not affected").isEmpty();

        clock.now = clock.now.plusSeconds(45);
        assertThat(failures.throttled(ATTACKER)).as("a new window").isEmpty();
        failures.failed(ATTACKER);
        assertThat(failures.throttled(ATTACKER)).isEmpty();
    }

    @Test
    void failuresAreReportedTogetherOncePerIntervalWorstFirst() {
        assertThat(failures.report()).as("nothing to say").isEmpty();
        for (int i = 0; i < 5; i++) {
            failures.failed(ATTACKER);
        }
        clock.now = clock.now.plusSeconds(4);
        failures.failed(NEIGHBOUR);
        clock.now = clock.now.plusSeconds(5);
        assertThat(failures.report()).as("within the interval of the first failure").isEmpty();
        clock.now = clock.now.plusSeconds(1);

        assertThat(failures.report()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("failed API key authentications: 6 in the last 10 s from 2 client networks, "
                        + "1 throttled (limit 3 per 60 s)")
                .endsWith("most: 203.0.113.7 (5), 2001:db8:1:2::/64 (1)"));
        assertThat(failures.report()).as("reported once").isEmpty();

        failures.failed(ATTACKER);
        clock.now = clock.now.plusSeconds(12);
        assertThat(failures.report()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("failed API key authentications: 1 in the last 12 s from 1 client networks, 1 throttled")
                .endsWith("most: 203.0.113.7 (1)"));
        clock.now = clock.now.plusSeconds(60);
        assertThat(failures.report()).as("quiet: no line").isEmpty();
    }

    @Test
    void networksBeyondTheTableAreCountedButNotThrottled() {
        for (int i = 0; i < AuthenticationFailures.MAX_NETWORKS; i++) {
            failures.failed("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        for (int i = 0; i < 4; i++) {
            failures.failed(ATTACKER);
        }
        assertThat(failures.throttled(ATTACKER)).isEmpty();
        clock.now = clock.now.plusSeconds(10);
        assertThat(failures.report()).hasValueSatisfying(line -> assertThat(line)
                .startsWith("failed API key authentications: " + (AuthenticationFailures.MAX_NETWORKS + 4)
                        + " in the last 10 s from " + AuthenticationFailures.MAX_NETWORKS + "+ client networks"));
    }
}
