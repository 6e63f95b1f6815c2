package org.senderguard.domain.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;
import org.senderguard.domain.common.UtcDay;

/**
 * What a sender has sent lately, kept with the sender so that a decision reads and writes it with
 * the sender's row: recipients and spam messages per minute of the rolling hour (the current
 * minute and the 60 before it: a message counts for at least 60 minutes, at most 61, never less
 * than the hour a limit is for), and recipients of one UTC day. Counting drops the minutes that have
 * left the hour, so a tally stays small however much its sender sends.
 *
 * <p>Instances whose clocks differ slightly may count into one tally: a minute or day later than
 * {@code now} is kept (and counted into, for the day), not thrown away. What lies more than an hour
 * ahead came from a wrong clock and is dropped, so that it can neither grow a tally without bound
 * nor hold the day's count from ever starting again.
 *
 * @param minutes in ascending order of minute, none twice
 * @param day     the day {@code dayRecipients} were counted on; null if never
 */
public record SendingTally(List<MinuteCount> minutes, LocalDate day, int dayRecipients) {

    public static final int WINDOW_MINUTES = 60;
    public static final SendingTally EMPTY = new SendingTally(List.of(), null, 0);

    /** Recipients and spam messages counted in one minute since the epoch. */
    public record MinuteCount(long epochMinute, int external, int internal, int spam) {

        MinuteCount plus(MessageWeight weight) {
            return new MinuteCount(epochMinute, external + weight.external(), internal + weight.internal(),
                    spam + weight.spam());
        }
    }

    public SendingTally {
        minutes = List.copyOf(minutes);
        for (int i = 1; i < minutes.size(); i++) {
            if (minutes.get(i - 1).epochMinute() >= minutes.get(i).epochMinute()) {
                throw new IllegalArgumentException("minutes must ascend: " + minutes);
            }
        }
    }

    private static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** The rolling hour ending with the minute of {@code now}, and the day of {@code now}. */
    public SendingUsage usageAt(Instant now) {
        long current = minuteOf(now);
        int external = 0;
        int internal = 0;
        int spam = 0;
        for (MinuteCount minute : minutes) {
            if (minute.epochMinute() >= current - WINDOW_MINUTES && minute.epochMinute() <= current) {
                external += minute.external();
                internal += minute.internal();
                spam += minute.spam();
            }
        }
        return new SendingUsage(external, internal, countsToday(now) ? dayRecipients : 0, spam);
    }

    /** This tally with a message counted at {@code now}, without the minutes that left the hour. */
    public SendingTally plus(MessageWeight weight, Instant now) {
        long current = minuteOf(now);
        List<MinuteCount> kept = new ArrayList<>(minutes.size() + 1);
        MinuteCount counted = new MinuteCount(current, 0, 0, 0);
        for (MinuteCount minute : minutes) {
            long at = minute.epochMinute();
            if (at == current) {
                counted = minute;
            } else if (at >= current - WINDOW_MINUTES && at <= current + WINDOW_MINUTES) {
                kept.add(minute);
            }
        }
        kept.add(counted.plus(weight));
        kept.sort(Comparator.comparingLong(MinuteCount::epochMinute));
        int recipients = weight.external() + weight.internal();
        return countsToday(now) ? new SendingTally(kept, day, dayRecipients + recipients)
                : new SendingTally(kept, UtcDay.of(now), recipients);
    }

    /** Whether the day counted is the day of {@code now} or, from a clock up to an hour ahead, the next. */
    private boolean countsToday(Instant now) {
        return day != null && !day.isBefore(UtcDay.of(now))
                && !day.isAfter(UtcDay.of(now.plus(Duration.ofMinutes(WINDOW_MINUTES))));
    }
}
