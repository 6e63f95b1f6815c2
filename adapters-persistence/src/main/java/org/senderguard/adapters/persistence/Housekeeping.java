package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.application.port.out.UnitOfWork;

/**
 * Drops what no decision can need any more, so that the tables on the mail-flow path stay as small
 * as the traffic of the last days: spam sightings older than their 24-hour window, block-list
 * removals older than a day (instances follow them within a second; the feed records how far it
 * forgot them), expired block-list entries
 * (which stopped matching at their expiry), rate counters of windows that ended more than an hour
 * ago, and delist portal requests older than {@link #PORTAL_REQUESTS_KEPT} (the audit log keeps
 * what they did). Sending counts need no purge: each sender's tally drops the minutes that leave
 * its hour. Remembered decisions are forgotten more often, by {@link DecisionHistory}. Servers do
 * this; CLI commands do not.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class Housekeeping {

    static final Duration PORTAL_REQUESTS_KEPT = Duration.ofDays(90);
    private static final int BATCH = 10_000;

    private final Sql sql;
    private final JdbcBlockListStore blockLists;
    private final JdbcBlockListFeed feed;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    Housekeeping(Sql sql, JdbcBlockListStore blockLists, JdbcBlockListFeed feed, UnitOfWork unitOfWork, Clock clock) {
        this.sql = sql;
        this.blockLists = blockLists;
        this.feed = feed;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "${senderguard.housekeeping.initial-delay:1m}")
    void run() {
        purge(clock.instant());
    }

    /** Deletes in batches, so that no single statement holds locks for long. */
    void purge(Instant now) {
        sql.deleteOlder("spam_url_sighting", "seen_at", now.minus(Duration.ofDays(1)));
        sql.deleteOlder("rate_counter", "window_start", now.minus(Duration.ofHours(2)));
        sql.deleteOlder("portal_request", "requested_at", now.minus(PORTAL_REQUESTS_KEPT));
        feed.pruneRemovals(now.minus(Duration.ofDays(1)));
        if (!blockLists.expired(now, 1).isEmpty()) {
            while (unitOfWork.inTransaction(() -> removeExpiredEntries(now)) == BATCH) {
                // Next batch.
            }
        }
    }

    /**
     * Removed like any other change, under a new version, so that every instance drops them too. The
     * entries are read once the version is locked, first in the transaction (so that MariaDB's
     * snapshot is taken after it): an import committed while the lock was awaited may have extended
     * some of them.
     */
    private int removeExpiredEntries(Instant now) {
        long version = blockLists.beginChange();
        List<UUID> expired = blockLists.expired(now, BATCH);
        if (!expired.isEmpty()) {
            blockLists.delete(expired, version);
        }
        return expired.size();
    }
}
