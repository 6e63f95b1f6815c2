package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.senderguard.application.port.out.RateCounters;

/** One row per key and window; the upsert's row lock makes concurrent increments take turns. */
@Singleton
class JdbcRateCounters implements RateCounters {

    private final Sql sql;

    JdbcRateCounters(Sql sql) {
        this.sql = sql;
    }

    @Override
    public int increment(String key, Instant window) {
        sql.update("INSERT INTO rate_counter (rate_key, window_start, hits) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE hits = hits + 1", key, window);
        return sql.one("SELECT hits FROM rate_counter WHERE rate_key = ? AND window_start = ?", rs -> rs.getInt(1),
                key, window).orElseThrow();
    }
}
