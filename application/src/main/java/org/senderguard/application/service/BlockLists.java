package org.senderguard.application.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.senderguard.application.port.in.RefreshBlockListsUseCase;
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
 * The first use loads everything.
 */
public class BlockLists implements RefreshBlockListsUseCase {

    private final BlockListStore store;
    private final BlockListIndex service = new BlockListIndex();
    private final Map<TenantId, BlockListIndex> tenants = new ConcurrentHashMap<>();
    /** Which tenant's index holds an entry, so that a removal (which carries only the id) finds it. */
    private final Map<UUID, BlockListIndex> tenantIndexOf = new ConcurrentHashMap<>();
    private volatile long version = -1;
    private final ChangeFeedMeter meter;

    public BlockLists(BlockListStore store) {
        this(store, ChangeFeedMeter.NONE);
    }

    /** @param meter told the index's size and each catch-up with the store */
    public BlockLists(BlockListStore store, ChangeFeedMeter meter) {
        this.store = store;
        this.meter = meter;
    }

    @Override
    public synchronized void refresh() {
        version = store.changesSince(Math.max(version, 0), this::put, this::remove);
        meter.caughtUp(ChangeFeedMeter.Feed.BLOCK_LISTS);
        meter.indexed(service.size(), tenants.values().stream().mapToLong(BlockListIndex::size).sum());
    }

    /** The active entries of the service list that match. */
    public List<ListedEntry> service(Probe probe, Instant now) {
        loaded();
        return service.matches(probe, now);
    }

    /** The active entries of the tenant's list that match. */
    public List<ListedEntry> tenant(TenantId tenant, Probe probe, Instant now) {
        loaded();
        BlockListIndex index = tenants.get(tenant);
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

    private void loaded() {
        if (version < 0) {
            synchronized (this) {
                if (version < 0) {
                    refresh();
                }
            }
        }
    }

    private void put(BlockListEntry entry) {
        if (entry.isServiceEntry()) {
            service.put(ListedEntry.of(entry));
        } else {
            BlockListIndex index = tenants.computeIfAbsent(entry.tenant(), t -> new BlockListIndex());
            index.put(ListedEntry.of(entry));
            tenantIndexOf.put(entry.id(), index);
        }
    }

    private void remove(UUID id) {
        BlockListIndex index = tenantIndexOf.remove(id);
        (index == null ? service : index).remove(id);
    }
}
