package org.senderguard.application.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListingKeys;
import org.senderguard.domain.tenant.TenantId;

/**
 * The stored block lists. Every change happens under a new list version, taken with
 * {@link #beginChange()}: versions are handed out one transaction at a time, so an instance that
 * has applied every change up to version v has seen all of them, and can catch up from there.
 */
public interface BlockListStore {

    /** Locks the version until the transaction ends and returns the next version, for the changes it makes. */
    long beginChange();

    void insert(Collection<BlockListEntry> entries, long version);

    /**
     * Adds an import's entries (all of one list, each value once) in bulk under {@code version}:
     * those whose value the list holds in an active entry are left out, and that entry takes the
     * imported expiry when it is later (never being latest), so that a feed imported again before
     * its entries expire keeps them listed; entries of these values that have expired are deleted
     * first. Each entry added gets a new id from the store, in the order the store writes them, so
     * that millions of rows append to its indexes; the ids the entries carry are not kept.
     */
    Imported importEntries(List<BlockListEntry> entries, long version, Instant now);

    /** What an import wrote: entries added, and listed entries given a later expiry. */
    record Imported(long added, long extended) {
    }

    /** Deletes the entries, recording their removal under {@code version} for the other instances. */
    void delete(Collection<UUID> ids, long version);

    /** Stores the entry's exceptions under {@code version}, so that other instances re-read the entry. */
    void saveExceptions(BlockListEntry entry, long version);

    Optional<BlockListEntry> findById(UUID id);

    /** The list's entries (the service list when {@code tenant} is null) with these values, expired or not. */
    List<BlockListEntry> findByValues(TenantId tenant, Collection<BlockedValue> values);

    /**
     * The active entries stored under any of these keys in the service list, and in the tenant's list
     * unless {@code tenant} is null: what a lookup needs, found through the index of values.
     */
    List<BlockListEntry> findActiveByKeys(TenantId tenant, Collection<ListingKeys.Key> keys, Instant now);

    /** The tenant's active entries of one type. */
    int countActive(TenantId tenant, EntryType type, Instant now);

    /**
     * Up to {@code limit} active entries, newest first, from where a previous page ended
     * ({@code from}, its {@link EntryPage#next()}; null: from the newest). A position, not an entry,
     * so that paging goes on when the entry a page ended at is removed.
     */
    EntryPage page(BlockListQuery query, Long from, int limit, Instant now);

    /** A page of entries and where the next one starts (null: this is the last). */
    record EntryPage(List<BlockListEntry> entries, Long next) {
    }

    /**
     * Streams the entries added or changed after version {@code since} to {@code upserted} and the
     * ids removed after it to {@code removed}, and returns the version they bring the reader to.
     */
    long changesSince(long since, Consumer<BlockListEntry> upserted, Consumer<UUID> removed);

    /** Streams the service list's active entries, oldest first. */
    void forEachActiveServiceEntry(Instant now, Consumer<BlockListEntry> sink);
}
