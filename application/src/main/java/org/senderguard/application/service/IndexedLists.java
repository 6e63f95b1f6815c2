package org.senderguard.application.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.senderguard.application.port.out.BlockListSnapshots.ListSnapshot;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockListIndex;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.tenant.TenantId;

/** The indexes of every block list: the service list's and one per tenant. */
final class IndexedLists {

    private final BlockListIndex service = new BlockListIndex();
    private final Map<TenantId, BlockListIndex> tenants = new ConcurrentHashMap<>();
    /** Which tenant's index holds an entry, so that a removal (which carries only the id) finds it. */
    private final Map<UUID, BlockListIndex> tenantIndexOf = new ConcurrentHashMap<>();

    BlockListIndex service() {
        return service;
    }

    /** The tenant's index; null when its list is empty. */
    BlockListIndex tenant(TenantId tenant) {
        return tenants.get(tenant);
    }

    /** How many entries the tenants' lists hold together. */
    long tenantEntries() {
        return tenants.values().stream().mapToLong(BlockListIndex::size).sum();
    }

    void put(BlockListEntry entry) {
        putAll(entry.tenant(), List.of(ListedEntry.of(entry)));
    }

    void remove(UUID id) {
        BlockListIndex index = tenantIndexOf.remove(id);
        (index == null ? service : index).remove(id);
    }

    /** A copy of each list, each taken at once (a list's index is read under its lock). */
    List<ListSnapshot> copy() {
        List<ListSnapshot> lists = new ArrayList<>();
        lists.add(copy(null, service));
        tenants.forEach((tenant, index) -> lists.add(copy(tenant, index)));
        return lists;
    }

    /** Into the tenant's list, or the service list when {@code tenant} is null, under one lock. */
    void putAll(TenantId tenant, List<ListedEntry> entries) {
        if (tenant == null) {
            service.putAll(entries);
        } else {
            BlockListIndex index = tenants.computeIfAbsent(tenant, t -> new BlockListIndex());
            index.putAll(entries);
            entries.forEach(entry -> tenantIndexOf.put(entry.id(), index));
        }
    }

    private static ListSnapshot copy(TenantId tenant, BlockListIndex index) {
        List<ListedEntry> entries = new ArrayList<>(index.size());
        index.forEach(entries::add);
        return new ListSnapshot(tenant, entries);
    }
}
