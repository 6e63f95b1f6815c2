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
 * {@link MariaDbMigrations#LOCATION}): each holds the decisions of one period, a quarter of the
 * retention, and is named after its end ({@code p20261206093000}, UTC). Each rotation drops the
 * partitions that ended before the retention and splits the periods up to {@link #AHEAD} periods
 * beyond the clock off {@code p_future}, which therefore stays empty and is split without copying a
 * row. Both are DDL that waits at most {@link #LOCK_WAIT_SECONDS} for the table's metadata lock
 * (decision batches hold it for milliseconds), so that it never stalls mail flow behind a long
 * transaction; instances that rotate at the same moment fail harmlessly and find it done next time.
 */
final class DecisionPartitions {

    private static final String TABLE = "processed_message";
    private static final String FUTURE = "p_future";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMddHHmmss");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PERIODS_PER_RETENTION = 4;
    private static final int AHEAD = 2;
    private static final int LOCK_WAIT_SECONDS = 2;

    private final Sql sql;

    DecisionPartitions(Sql sql) {
        this.sql = sql;
    }

    /** The length of a partition's period for a retention. */
    static Duration period(Duration retention) {
        return Duration.ofSeconds(retention.toSeconds() / PERIODS_PER_RETENTION);
    }

    void rotate(Instant now, Duration retention) {
        List<Instant> ends = periodEnds();
        List<Instant> expired = ends.stream().filter(end -> !end.isAfter(now.minus(retention))).toList();
        if (!expired.isEmpty()) {
            alter("DROP PARTITION " + expired.stream().map(DecisionPartitions::name).collect(Collectors.joining(", ")));
        }
        Instant last = ends.isEmpty() ? now : ends.get(ends.size() - 1);
        List<Instant> added = newPeriodEnds(last.isBefore(now) ? now : last, now, period(retention));
        if (!added.isEmpty()) {
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
     * Period ends after {@code from}, on multiples of the period, up to {@link #AHEAD} periods past
     * {@code now}. Decisions in {@code p_future} older than the first go into its partition.
     */
    private static List<Instant> newPeriodEnds(Instant from, Instant now, Duration period) {
        long seconds = period.toSeconds();
        Instant horizon = now.plus(period.multipliedBy(AHEAD));
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

    private static String name(Instant end) {
        return NAME.format(UtcTime.toColumn(end));
    }
}
