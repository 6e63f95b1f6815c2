package org.senderguard.application.port.out;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
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
        public Optional<Stored> read() {
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
    Optional<Stored> read();

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

    /** A snapshot as read: what it is consistent with first, so that a stale one is not decoded. */
    interface Stored {

        String databaseId();

        long version();

        long entryCount();

        /**
         * Hands every entry to {@code sink}, in batches, with their list's tenant (null: the service
         * list). Throws {@link UnreadableSnapshotException} when an entry cannot be decoded.
         */
        void entries(BiConsumer<TenantId, List<ListedEntry>> sink);
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
