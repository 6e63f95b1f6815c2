package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.scheduling.annotation.Scheduled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the remembered decisions ({@link JdbcProcessedMessages}) to those of the last
 * {@code SENDERGUARD_DECISION_RETENTION} (default an hour), so that their table stays bounded
 * however long the server runs. A repeat comes from a client that lost an answer: Postfix asks
 * again within its policy timeouts (twice 100 s by default), a gateway retries its request within
 * seconds or defers the message and retries from its queue within minutes; an hour also matches
 * the rolling hour of the hourly limits, so a repeat is never counted twice within a limit's window.
 * On MariaDB the decisions are in short time partitions dropped whole ({@link DecisionPartitions}),
 * forgotten a sixteenth of the retention after it at the latest, and each rotation seals the
 * partitions that ended ({@link SealedDecisions}), so that lookups ask MariaDB about the newest
 * only; on the embedded database they are deleted in batches once past the retention. The server's
 * work, not CLI commands'; created at its start, so that a bad setting stops it at once.
 */
@Context
@Requires(notEnv = Environment.CLI)
public class DecisionHistory {

    static final Duration SHORTEST_RETENTION = Duration.ofMinutes(1);
    private static final Duration COUNTED_MINUTE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(DecisionHistory.class);

    private final Duration retention;
    private final Sql sql;
    private final DatabaseAvailability availability;
    private final Clock clock;
    private final DecisionPartitions partitions;
    private final SealedDecisions sealed;

    DecisionHistory(@Value("${senderguard.decision.retention:1h}") Duration retention,
                    @Value("${datasources.default.url}") String url, Sql sql, DatabaseAvailability availability,
                    Clock clock, SealedDecisions sealed) {
        if (retention.compareTo(SHORTEST_RETENTION) < 0) {
            throw new IllegalArgumentException("SENDERGUARD_DECISION_RETENTION must be at least "
                    + SHORTEST_RETENTION.toSeconds() + "s, not " + retention.toSeconds() + "s");
        }
        this.retention = retention;
        this.sql = sql;
        this.availability = availability;
        this.clock = clock;
        this.partitions = DatabaseSettings.isMariaDb(url) ? new DecisionPartitions(sql) : null;
        this.sealed = sealed;
    }

    /**
     * Often, so that a period's partition is sealed soon after it may be: a look at the partitions on
     * MariaDB, an ALTER TABLE every few minutes, a read of the keys of each period that ended.
     */
    @Scheduled(fixedDelay = "5s", initialDelay = "${senderguard.housekeeping.initial-delay:5s}")
    void run() {
        if (!availability.available()) {
            return;
        }
        try {
            forgetOld(clock.instant());
        } catch (DatabaseUnavailableException e) {
            // DatabaseAvailability reports the outage.
        } catch (DataAccessException e) {
            LOG.warn("Remembered decisions were not rotated or sealed (another instance may just have "
                    + "rotated them); next try in 5 s: {}", ConnectionFailure.describe(e));
        }
    }

    /**
     * How long a decision is kept: a minute past the retention, since a message counts in the
     * rolling hour until the end of the minute after the hour it was counted in, and a repeat
     * within that must not be counted again.
     */
    static Duration kept(Duration retention) {
        return retention.plus(COUNTED_MINUTE);
    }

    /** What each rotation does, as of {@code now}. */
    public void forgetOld(Instant now) {
        Duration kept = kept(retention);
        if (partitions != null) {
            try {
                partitions.rotate(now, kept);
            } finally { // a rotation that failed (another instance's ALTER) holds no seal back
                sealed.seal(partitions.periodEnds(), now);
            }
        } else {
            sql.deleteOlder("processed_message", "decided_at", now.minus(kept));
        }
    }
}
