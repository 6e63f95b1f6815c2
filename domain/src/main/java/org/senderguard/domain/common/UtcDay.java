package org.senderguard.domain.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The UTC calendar day, which daily limits and restrictions "for today" follow. */
public final class UtcDay {

    private UtcDay() {
    }

    public static LocalDate of(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant start(Instant instant) {
        return of(instant).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The next 00:00 UTC after {@code instant}. */
    public static Instant nextMidnight(Instant instant) {
        return of(instant).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
