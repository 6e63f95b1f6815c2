package org.senderguard.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The time partitions of the remembered decisions on MariaDB (see migration V11 in
 * {@link MariaDbMigrations#LOCATION}): each holds the decisions of one {@link #period}, and is named
 * after its end ({@code p20261206093015}, UTC).
 * Periods are short so that the partition decisions are written into, and the few that
 * {@link SealedDecisions} has not sealed yet, stay in the buffer pool however long the retention.
 * A rotation drops the partitions that ended before the retention once the oldest of them ended
 * {@link #dropDelay} before it, at most {@link #MOST_DROPPED} at once (each is a file of its own:
 * after a long stop, dropping hundreds in one statement outlasted the database timeout), and, once
 * fewer than {@link #AHEAD_LEAST} periods are left beyond the
 * clock, splits periods up to {@link #AHEAD_MOST} beyond it off {@code p_future}, which therefore
 * stays empty and is split without copying a row: an {@code ALTER TABLE} every few minutes rather
 * than every period. Both wait at most {@link #LOCK_WAIT_SECONDS} for the table's metadata lock
 * (decision batches hold it for milliseconds), so that they never stall mail flow behind a long
 * transaction; instances that rotate at the same moment fail harmlessly and find it done next time.
 */
final class DecisionPartitions {

    static final Duration SHORT_PERIOD = Duration.ofSeconds(15);
    private static final int MOST_PERIODS = 512;
    private static final String TABLE = "processed_message";
    private static final String FUTURE = "p_future";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMddHHmmss");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PERIODS_PER_RETENTION = 4;
    private static final int AHEAD_LEAST = 4;
    private static final int AHEAD_MOST = 16;
    private static final int LOCK_WAIT_SECONDS = 2;
    /** As many as a sixteenth of the retention holds, which is what a rotation drops in the course of things. */
    static final int MOST_DROPPED = MOST_PERIODS / 16 + 1;

    private final Sql sql;

    DecisionPartitions(Sql sql) {
        this.sql = sql;
    }

    /**
     * The length of a partition's period for a retention: {@link #SHORT_PERIOD}, a quarter of a
     * shorter retention, or a {@link #MOST_PERIODS}th of a longer one (a day: about 3 minutes), so
     * that the table stays far below MariaDB's 8,192 partitions.
     */
    static Duration period(Duration retention) {
        long seconds = Math.max(SHORT_PERIOD.toSeconds(), retention.toSeconds() / MOST_PERIODS);
        return Duration.ofSeconds(Math.min(seconds, retention.toSeconds() / PERIODS_PER_RETENTION));
    }

    /** How long past the retention partitions wait, to be dropped together: a sixteenth of the retention. */
    static Duration dropDelay(Duration retention) {
        return retention.dividedBy(16);
    }

    void rotate(Instant now, Duration retention) {
        List<Instant> ends = periodEnds();
        List<Instant> expired = ends.stream().filter(end -> !end.isAfter(now.minus(retention))).toList();
        if (!expired.isEmpty() && !expired.get(0).isAfter(now.minus(retention).minus(dropDelay(retention)))) {
            alter("DROP PARTITION " + expired.stream().limit(MOST_DROPPED).map(DecisionPartitions::name)
                    .collect(Collectors.joining(", ")));
        }
        Duration period = period(retention);
        Instant last = ends.isEmpty() ? now : ends.get(ends.size() - 1);
        if (!last.isAfter(now.plus(period.multipliedBy(AHEAD_LEAST)))) {
            List<Instant> added = newPeriodEnds(last.isBefore(now) ? now : last, now, period);
            alter("REORGANIZE PARTITION " + FUTURE + " INTO ("
                    + added.stream().map(end -> "PARTITION " + name(end) + " VALUES LESS THAN ('"
                            + BOUND.format(UtcTime.toColumn(end)) + "'), ").collect(Collectors.joining())
                    + "PARTITION " + FUTURE + " VALUES LESS THAN (MAXVALUE))");
        }
    }

    /** The ends of the partitions of periods, in order; not {@code p_future}. */
    List<Instant> periodEnds() {
        return sql.list("SELECT partition_name FROM information_schema.partitions WHERE table_schema = DATABASE() "
                        + "AND table_name = ? AND partition_name <> ? ORDER BY partition_ordinal_position",
                rs -> LocalDateTime.parse(rs.getString(1), NAME).toInstant(ZoneOffset.UTC), TABLE, FUTURE);
    }

    /**
     * Period ends after {@code from}, on multiples of the period, up to {@link #AHEAD_MOST} periods
     * past {@code now}. Decisions in {@code p_future} older than the first go into its partition.
     */
    private static List<Instant> newPeriodEnds(Instant from, Instant now, Duration period) {
        long seconds = period.toSeconds();
        Instant horizon = now.plus(period.multipliedBy(AHEAD_MOST));
        List<Instant> ends = new ArrayList<>();
        for (Instant end = Instant.ofEpochSecond((from.getEpochSecond() / seconds + 1) * seconds);
             !end.isAfter(horizon); end = end.plusSeconds(seconds)) {
            ends.add(end);
        }
        return ends;
    }

    private void alter(String change) {
        sql.update("ALTER TABLE " + TABLE + " WAIT " + LOCK_WAIT_SECONDS + " " + change);
    }

    static String name(Instant end) {
        return NAME.format(UtcTime.toColumn(end));
    }
}
