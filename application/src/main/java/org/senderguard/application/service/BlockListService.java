package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.AddedEntries.RejectedValue;
import org.senderguard.application.port.in.AddedEntries;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.FindListingsUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ListBlockListEntriesUseCase;
import org.senderguard.application.port.in.Listings;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListingKeys;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.blocklist.WideRanges;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.tenant.TenantId;

/**
 * Adds, removes, lists and looks up block-list entries. Every change commits under a new list
 * version, is audited, and is applied to this instance's index right after the commit (other
 * instances follow within their refresh interval). Lookups ask the store by the keys a matching
 * entry can have, so that answering one does not need the whole list in memory.
 */
public class BlockListService implements AddBlockListEntriesUseCase, RemoveBlockListEntryUseCase,
        ListBlockListEntriesUseCase, FindListingsUseCase {

    /** Rejected values named when nothing was added; the rest are left out. */
    private static final int BAD_ROWS_SHOWN = 20;

    private final BlockListStore store;
    private final SpamSightings sightings;
    private final BlockLists lists;
    private final FindTenantUseCase tenants;
    private final CheckReputationUseCase reputation;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final WideRanges wideRanges;

    public BlockListService(BlockListStore store, SpamSightings sightings, BlockLists lists, FindTenantUseCase tenants,
                            CheckReputationUseCase reputation, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                            WideRanges wideRanges) {
        this.store = store;
        this.sightings = sightings;
        this.lists = lists;
        this.tenants = tenants;
        this.reputation = reputation;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.wideRanges = wideRanges;
    }

    @Override
    public AddedEntries add(AddBlockListEntriesCommand command) {
        Instant now = clock.instant();
        BlockListEntryDraft draft = command.draft();
        Instant expiresAt = draft.expiryFrom(now);
        List<RejectedValue> errors = new ArrayList<>();
        Map<BlockedValue, String> good = new LinkedHashMap<>();
        for (String raw : command.values()) {
            try {
                if (good.putIfAbsent(wideRanges.parse(draft.type(), raw, command.allowWideRanges()), raw) != null) {
                    errors.add(new RejectedValue(raw, "given more than once"));
                }
            } catch (InvalidValueException e) {
                errors.add(new RejectedValue(raw, detail(e)));
            }
        }
        List<BlockListEntry> created = good.isEmpty() ? List.of() : unitOfWork.inTransaction(() -> {
            long version = store.beginChange();
            Set<BlockedValue> listed = listed(command.tenant(), good.keySet(), now, version);
            int active = command.tenant() == null ? 0 : store.countActive(command.tenant(), draft.type(), now);
            int limit = command.tenant() == null ? Integer.MAX_VALUE
                    : tenants.byId(command.tenant()).settings().blockListLimit();
            List<BlockListEntry> entries = new ArrayList<>();
            good.forEach((value, raw) -> {
                if (listed.contains(value)) {
                    errors.add(new RejectedValue(raw, FreeText.quoted(value.value()) + " is already on the list"));
                } else if (active + entries.size() >= limit) {
                    errors.add(new RejectedValue(raw, "the tenant's block list holds at most " + limit + " "
                            + draft.type() + " entries; remove some first"));
                } else {
                    entries.add(new BlockListEntry(UUID.randomUUID(), command.tenant(), value, draft.reason(),
                            command.source(), command.actor().value(), now, expiresAt, draft.notes(),
                            draft.delistable()));
                }
            });
            store.insert(entries, version);
            entries.forEach(entry -> audit.add(AuditRecord.of(entry.tenant(), command.actor(), "block-list.add",
                    target(entry), null, describe(entry), now)));
            return entries;
        });
        if (created.isEmpty()) {
            throw new InvalidValueException("values", "nothing was added: " + errors.stream()
                    .map(e -> FreeText.quoted(e.value()) + ": " + e.detail()).limit(BAD_ROWS_SHOWN)
                    .reduce((a, b) -> a + "; " + b).orElse("no values"));
        }
        lists.refreshCommitted();
        return new AddedEntries(created, errors);
    }

    @Override
    public BlockListEntry remove(TenantId tenant, UUID id, Actor actor) {
        BlockListEntry removed = unitOfWork.inTransaction(() -> {
            long version = store.beginChange();
            BlockListEntry entry = store.findById(id).filter(e -> tenant == null || tenant.equals(e.tenant()))
                    .orElseThrow(() -> new NotFoundException("no block-list entry with id " + id));
            store.delete(List.of(id), version);
            if (entry.source() == EntrySource.SPAM_MESSAGE && entry.type() == EntryType.DOMAIN) {
                // As a tenant's delisting does: the spam that listed it is answered for.
                sightings.forget(entry.value().domain());
            }
            audit.add(AuditRecord.of(entry.tenant(), actor, "block-list.remove", target(entry), describe(entry),
                    null, clock.instant()));
            return entry;
        });
        lists.refreshCommitted();
        return removed;
    }

    @Override
    public Page<BlockListEntry> list(BlockListQuery query) {
        Instant now = clock.instant();
        BlockListStore.EntryPage page = store.page(query, Pages.position(query.page().cursor()), query.page().limit(),
                now);
        return new Page<>(page.entries(), page.next() == null ? null : page.next().toString());
    }

    @Override
    public Listings find(TenantId tenant, String value) {
        Probe probe = Probe.parse(value);
        Instant now = clock.instant();
        ListingKeys keys = ListingKeys.of(probe);
        Map<Boolean, List<BlockListEntry>> byList = store.findActiveByKeys(tenant, keys.keys(), now).stream()
                .filter(entry -> keys.lists(entry, now))
                .collect(Collectors.partitioningBy(BlockListEntry::isServiceEntry));
        return new Listings(probe, byList.get(true), byList.get(false), reputation.check(probe).results());
    }

    /**
     * Which of the values the list holds in an active entry. Expired entries with these values are
     * deleted on the way, so that the values can be listed again.
     */
    private Set<BlockedValue> listed(TenantId tenant, Collection<BlockedValue> values, Instant now, long version) {
        Map<Boolean, List<BlockListEntry>> byActive = store.findByValues(tenant, values).stream()
                .collect(Collectors.partitioningBy(entry -> entry.isActiveAt(now)));
        if (!byActive.get(false).isEmpty()) {
            store.delete(byActive.get(false).stream().map(BlockListEntry::id).toList(), version);
        }
        return byActive.get(true).stream().map(BlockListEntry::value).collect(Collectors.toSet());
    }

    /** The rule an invalid value broke, without the field name that prefixes the exception's message. */
    private static String detail(InvalidValueException e) {
        String message = e.getMessage();
        String prefix = e.field() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String target(BlockListEntry entry) {
        return "block-list-entry:" + entry.id();
    }

    private static String describe(BlockListEntry entry) {
        return (entry.isServiceEntry() ? "service" : "tenant") + " " + entry.type() + " " + entry.value().value()
                + " (" + entry.source() + ", " + entry.reason() + ", expires "
                + (entry.expiresAt() == null ? "never" : entry.expiresAt().toString())
                + (entry.isServiceEntry() && !entry.delistable() ? ", not delistable" : "") + ")";
    }
}
