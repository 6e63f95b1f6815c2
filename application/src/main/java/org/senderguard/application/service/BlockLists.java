package org.senderguard.application.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.senderguard.application.port.BlockListsLoadingException;
import org.senderguard.application.port.in.LoadBlockListsUseCase;
import org.senderguard.application.port.in.RefreshBlockListsUseCase;
import org.senderguard.application.port.out.BlockListFeed;
import org.senderguard.application.port.out.BlockListSnapshots;
import org.senderguard.application.port.out.BlockListSnapshots.Snapshot;
import org.senderguard.application.port.out.BlockListSnapshots.Stored;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockListIndex;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.tenant.TenantId;

/**
 * This instance's copy of every block list, indexed for mail flow: the service list and one index
 * per tenant. It follows the store's versions: {@link #refresh()} applies what any instance has
 * committed since the last refresh (run every half second, and at once after a change made here).
 * <p>
 * A server loads the lists as it starts ({@link #load()}), from its snapshot and the changes after
 * it when the snapshot can be trusted, else from the database; until then mail flow waits up to a
 * bound and is then told to try again, never answered from part of a list. Elsewhere (CLI
 * commands) the first lookup loads them, and nothing else does.
 */
public class BlockLists implements RefreshBlockListsUseCase, LoadBlockListsUseCase {

    private static final System.Logger LOG = System.getLogger(BlockLists.class.getName());

    private final BlockListStore store;
    private final BlockListFeed feed;
    private final BlockListSnapshots snapshots;
    private final Duration loadingWait;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile IndexedLists lists = new IndexedLists();
    private volatile long version = -1;
    private volatile boolean loadingAtStart;
    private final Object snapshotWriting = new Object();
    private volatile String databaseId;
    /** The version of the snapshot last read or written; -1: none. */
    private volatile long snapshotVersion = -1;

    private final ChangeFeedMeter meter;

    /**
     * {@code loadingWait}: how long mail flow waits for the lists a server is loading; {@code meter}:
     * told the lists' sizes and each catch-up with the store.
     */
    public BlockLists(BlockListStore store, BlockListFeed feed, BlockListSnapshots snapshots, Duration loadingWait,
                      ChangeFeedMeter meter) {
        this.store = store;
        this.feed = feed;
        this.snapshots = snapshots;
        this.loadingWait = loadingWait;
        this.meter = meter;
    }

    /**
     * After a change this server committed: the lists take it at once, so that this server's next
     * answer follows it. The change is committed whatever happens here, so a failure to read it
     * (the database gone a moment later) is not the change's: the change feed brings it.
     */
    public void refreshCommitted() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a committed block-list change is left for the change feed to bring: "
                    + e.getMessage());
        }
    }

    /**
     * Until the lists are loaded there is nothing to keep in step (the load reads up to the latest
     * version). The lists are read whole again when the feed cannot bring them up to date: the
     * removals since their version were forgotten (this server fell a day behind), the database is
     * behind them (restored from a backup: it is then given a new identity, so that no snapshot of
     * the lost changes is trusted again), or another server found it restored. Mail flow is
     * answered from the lists as they were until the new ones are read whole; a read that fails
     * leaves them as they were, and the next refresh finds the same gap and reads them again.
     */
    @Override
    public void refresh() {
        if (isLoaded()) {
            synchronized (this) {
                long from = version;
                IndexedLists current = lists;
                long to = store.changesSince(from, current::put, current::remove);
                Gap gap = gap(from, feed.position());
                if (gap == null) {
                    version = to;
                } else {
                    LOG.log(Level.WARNING, "the block lists are read again from the database: {0}", gap.why());
                    readWhole(gap.databaseId());
                }
                caughtUp(lists);
            }
        }
    }

    /** Why the changes after a version cannot be had from the feed, and the database's identity as it is now. */
    private record Gap(String why, String databaseId) {
    }

    /**
     * Why the changes after {@code from} cannot be had from the feed; null when they can. The identity
     * is the database's as it is now: another server's renewal, or this server's for a database found
     * behind it.
     */
    private Gap gap(long from, BlockListFeed.Position position) {
        if (!position.databaseId().equals(databaseId)) {
            return new Gap("the database was given a new identity", position.databaseId());
        }
        if (position.version() < from) {
            return new Gap("the database is at version " + position.version() + ", behind this server's " + from
                    + " (restored from a backup?); it was given a new identity", feed.renewIdentity(databaseId));
        }
        if (from < position.prunedThrough()) {
            return new Gap("the removals after version " + from + " are no longer remembered", databaseId);
        }
        return null;
    }

    /**
     * Reads every entry into new lists, which replace the current ones, with their version and the
     * database's identity, only once they are complete.
     */
    private void readWhole(String identity) {
        IndexedLists whole = new IndexedLists();
        long at = store.changesSince(0, whole::put, whole::remove);
        lists = whole;
        version = at;
        databaseId = identity;
    }

    private void caughtUp(IndexedLists current) {
        meter.caughtUp(ChangeFeedMeter.Feed.BLOCK_LISTS);
        meter.indexed(current.service().size(), current.tenantEntries());
    }

    @Override
    public void loadingAtStart() {
        loadingAtStart = true;
    }

    @Override
    public synchronized void load() {
        if (isLoaded()) {
            return;
        }
        long started = System.nanoTime();
        BlockListFeed.Position position = feed.position();
        databaseId = position.databaseId();
        String from = fromSnapshot(position)
                .orElseGet(() -> {
                    readWhole(databaseId);
                    return "the database";
                });
        caughtUp(lists);
        loaded.countDown();
        LOG.log(Level.INFO, "block lists loaded from {0} at version {1} in {2} ms", from, Long.toString(version),
                Long.toString((System.nanoTime() - started) / 1_000_000));
    }

    @Override
    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    @Override
    public long version() {
        return version;
    }

    /** Not under the lists' monitor: refreshes go on while the lists are copied and written. */
    @Override
    public void saveSnapshot() {
        synchronized (snapshotWriting) {
            String id;
            long at;
            IndexedLists current;
            synchronized (this) { // the three as one refresh left them: a reload replaces all three
                id = databaseId;
                at = version;
                current = lists;
            }
            if (!isLoaded() || at == snapshotVersion) {
                return;
            }
            // Copied after reading the version: a copy that has changes after it too is caught up to
            // the same state by replaying the feed after that version.
            snapshots.write(new Snapshot(id, at, current.copy()));
            snapshotVersion = at;
        }
    }

    /** The active entries of the service list that match. */
    public List<ListedEntry> service(Probe probe, Instant now) {
        return loadedLists().service().matches(probe, now);
    }

    /** The active entries of the tenant's list that match. */
    public List<ListedEntry> tenant(TenantId tenant, Probe probe, Instant now) {
        BlockListIndex index = loadedLists().tenant(tenant);
        return index == null ? List.of() : index.matches(probe, now);
    }

    /**
     * The stored entries behind matches of the index, read from the store (the index keeps no
     * details), as stored now: those since changed to match none of the probes are left out.
     */
    public List<BlockListEntry> stored(List<ListedEntry> listed, List<Probe> probes, Instant now) {
        return listed.stream().map(entry -> store.findById(entry.id())).flatMap(Optional::stream)
                .filter(entry -> probes.stream().anyMatch(probe -> entry.matches(probe, now)))
                .toList();
    }

    private IndexedLists loadedLists() {
        if (!isLoaded()) {
            if (!loadingAtStart) {
                load();
            } else if (!awaitLoaded()) {
                throw new BlockListsLoadingException("the block lists are still loading");
            }
        }
        return lists;
    }

    private boolean awaitLoaded() {
        try {
            return loaded.await(loadingWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The lists from the snapshot and the changes after it, unless there is none or it cannot be
     * trusted: damaged, of another database, ahead of the database, or older than the removals the
     * feed still remembers.
     */
    private Optional<String> fromSnapshot(BlockListFeed.Position position) {
        try {
            Stored snapshot = snapshots.read().orElse(null);
            if (snapshot == null || !current(snapshot, position)) {
                if (snapshot != null && snapshot.databaseId().equals(databaseId)
                        && snapshot.version() > position.version()) {
                    // Restored from a backup: snapshots of the lost changes must not pass for current later.
                    databaseId = feed.renewIdentity(databaseId);
                }
                return Optional.empty();
            }
            IndexedLists restored = new IndexedLists();
            snapshot.entries(restored::putAll);
            long caughtUp = store.changesSince(snapshot.version(), restored::put, restored::remove);
            // Housekeeping may have forgotten removals while they were being read.
            if (!current(snapshot, feed.position())) {
                return Optional.empty();
            }
            lists = restored;
            version = caughtUp;
            snapshotVersion = snapshot.version();
            return Optional.of("the snapshot at version " + snapshot.version() + " (" + snapshot.entryCount()
                    + " entries) and the changes after it");
        } catch (BlockListSnapshots.UnreadableSnapshotException e) {
            LOG.log(Level.WARNING, "the block-list snapshot is damaged ({0}); loading the lists from the database",
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean current(Stored snapshot, BlockListFeed.Position position) {
        String stale = staleness(snapshot, position);
        if (stale != null) {
            LOG.log(Level.INFO, "the block-list snapshot is not used ({0}); loading the lists from the database", stale);
        }
        return stale == null;
    }

    /** Why the snapshot cannot be caught up to the database; null when it can. */
    private static String staleness(Stored snapshot, BlockListFeed.Position position) {
        if (!snapshot.databaseId().equals(position.databaseId())) {
            return "it was written for another database";
        }
        if (snapshot.version() > position.version()) {
            return "the database is at version " + position.version() + ", behind the snapshot's "
                    + snapshot.version();
        }
        if (snapshot.version() < position.prunedThrough()) {
            return "removals after its version " + snapshot.version() + " are no longer remembered";
        }
        return null;
    }
}
