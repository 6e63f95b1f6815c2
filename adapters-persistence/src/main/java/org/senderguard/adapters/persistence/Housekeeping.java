package org.senderguard.adapters.persistence;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.senderguard.domain.common.UtcDay;

/**
 * Drops what no decision can need any more, so that the counting tables stay as small as the
 * traffic of the last day: minute counters older than two hours, day counters older than two
 * days, and remembered decisions older than a week (mail flow retries within minutes).
 */
@Singleton
class Housekeeping {

    static final Duration DECISIONS_KEPT = Duration.ofDays(7);
    private static final int BATCH = 10_000;

    private final Sql sql;
    private final Clock clock;

    Housekeeping(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    void run() {
        purge(clock.instant());
    }

    /** Deletes in batches, so that no single statement holds locks for long. */
    void purge(Instant now) {
        deleteAll("DELETE FROM sending_minute WHERE epoch_minute <= ? LIMIT " + BATCH,
                JdbcSendingCounters.minute(now) - 2L * JdbcSendingCounters.WINDOW_MINUTES);
        deleteAll("DELETE FROM sending_day WHERE utc_day < ? LIMIT " + BATCH, UtcDay.of(now).minusDays(2));
        deleteAll("DELETE FROM processed_message WHERE decided_at < ? LIMIT " + BATCH, now.minus(DECISIONS_KEPT));
    }

    private void deleteAll(String statement, Object olderThan) {
        while (sql.update(statement, olderThan) == BATCH) {
            // Next batch.
        }
    }
}
