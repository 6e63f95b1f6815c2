package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.senderguard.application.port.out.BlockListFeed;

/** The feed's position, from the one row of {@code block_list_version}. */
@Singleton
class JdbcBlockListFeed implements BlockListFeed {

    private final Sql sql;

    JdbcBlockListFeed(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Position position() {
        return sql.one("SELECT database_id, version, pruned_through FROM block_list_version WHERE id = 1",
                rs -> new Position(rs.getString(1), rs.getLong(2), rs.getLong(3))).orElseThrow();
    }

    @Override
    public String renewIdentity(String current) {
        sql.update("UPDATE block_list_version SET database_id = ? WHERE id = 1 AND database_id = ?",
                UUID.randomUUID().toString(), current);
        return position().databaseId();
    }

    /**
     * Forgets the removals recorded before {@code removedBefore}: first moves the horizon past them,
     * so that a crash in between leaves it on the safe side.
     */
    void pruneRemovals(Instant removedBefore) {
        long horizon = sql.one("SELECT MAX(version) FROM block_list_removal WHERE removed_at < ?",
                rs -> rs.getLong(1), removedBefore).orElse(0L);
        if (horizon > 0) {
            sql.update("UPDATE block_list_version SET pruned_through = GREATEST(pruned_through, ?) WHERE id = 1",
                    horizon);
            sql.deleteInBatches("block_list_removal", "version <= ?", horizon);
        }
    }
}
