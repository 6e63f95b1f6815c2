package org.senderguard.application.port.out;

import java.util.List;
import java.util.Optional;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.tenant.TenantId;

/**
 * A copy of every block list kept beside the server, so that a start loads it and catches up from
 * the change feed instead of reading every entry from the database.
 */
public interface BlockListSnapshots {

    /** Where there is nowhere to keep one (CLI commands): never a snapshot. */
    BlockListSnapshots NONE = new BlockListSnapshots() {
        @Override
        public Optional<Snapshot> read() {
            return Optional.empty();
        }

        @Override
        public void write(Snapshot snapshot) {
            // Nothing is kept.
        }
    };

    /**
     * The snapshot last written; empty when there is none. Throws {@link UnreadableSnapshotException}
     * when one is there but damaged (truncated, another format, a wrong checksum).
     */
    Optional<Snapshot> read();

    /** Replaces the snapshot all at once: a reader sees the old one or the new one, never part of it. */
    void write(Snapshot snapshot);

    /**
     * The lists as they were at {@code version} (or later: the change feed after it replays to the
     * same state) of the database {@code databaseId}.
     */
    record Snapshot(String databaseId, long version, List<ListSnapshot> lists) {

        public long entryCount() {
            return lists.stream().mapToLong(list -> list.entries().size()).sum();
        }
    }

    /** One list: a tenant's, or the service list when {@code tenant} is null. */
    record ListSnapshot(TenantId tenant, List<ListedEntry> entries) {
    }

    /** A snapshot that is there but cannot be trusted as written. */
    class UnreadableSnapshotException extends RuntimeException {

        public UnreadableSnapshotException(String message) {
            super(message);
        }
    }
}
