package org.senderguard.bootstrap;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the tests move, standing in for the system clock in the test environment. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves the clock forward to {@code instant}; a clock shared by tests never goes back. */
    public void advanceTo(Instant instant) {
        now.updateAndGet(current -> instant.isAfter(current) ? instant : current);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application works in UTC");
    }

    @Factory
    @Requires(env = "test")
    static class TestClockFactory {

        @Singleton
        @Replaces(bean = Clock.class, factory = ApplicationServices.class)
        MutableClock clock() {
            return new MutableClock(Instant.parse("2030-01-07T08:00:00Z"));
        }
    }
}
