package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.AddedEntries;
import org.senderguard.application.port.in.AddedEntries.RejectedValue;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.ExportBlockListUseCase;
import org.senderguard.application.port.in.FindListingsUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ImportBlockListUseCase;
import org.senderguard.application.port.in.ImportCommand;
import org.senderguard.application.port.in.ImportFailedException;
import org.senderguard.application.port.in.ImportRow;
import org.senderguard.application.port.in.ImportedEntries;
import org.senderguard.application.port.in.ListBlockListEntriesUseCase;
import org.senderguard.application.port.in.Listings;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.blocklist.WideRanges;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.tenant.TenantId;

/**
 * Adds, removes, lists, looks up, imports and exports block-list entries. Every change commits
 * under a new list version, is audited, and is applied to this instance's index right after the
 * commit (other instances follow within their refresh interval).
 */
public class BlockListService implements AddBlockListEntriesUseCase, RemoveBlockListEntryUseCase,
        ListBlockListEntriesUseCase, FindListingsUseCase, ImportBlockListUseCase, ExportBlockListUseCase {

    /** Rows checked against the store and inserted together during an import. */
    private static final int IMPORT_CHUNK = 2_000;
    /** Bad rows named in a failed import's report; the rest are counted. */
    private static final int BAD_ROWS_SHOWN = 20;

    private final BlockListStore store;
    private final BlockLists lists;
    private final FindTenantUseCase tenants;
    private final CheckReputationUseCase reputation;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final WideRanges wideRanges;

    public BlockListService(BlockListStore store, BlockLists lists, FindTenantUseCase tenants,
                            CheckReputationUseCase reputation, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                            WideRanges wideRanges) {
        this.store = store;
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
                if (good.putIfAbsent(parse(draft.type(), raw, command.allowWideRanges()), raw) != null) {
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
                    errors.add(new RejectedValue(raw, "'" + value.value() + "' is already on the list"));
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
                    .map(e -> "'" + e.value() + "': " + e.detail()).limit(BAD_ROWS_SHOWN)
                    .reduce((a, b) -> a + "; " + b).orElse("no values"));
        }
        lists.refresh();
        return new AddedEntries(created, errors);
    }

    @Override
    public BlockListEntry remove(TenantId tenant, UUID id, Actor actor) {
        BlockListEntry removed = unitOfWork.inTransaction(() -> {
            long version = store.beginChange();
            BlockListEntry entry = store.findById(id).filter(e -> tenant == null || tenant.equals(e.tenant()))
                    .orElseThrow(() -> new NotFoundException("no block-list entry with id " + id));
            store.delete(List.of(id), version);
            audit.add(AuditRecord.of(entry.tenant(), actor, "block-list.remove", target(entry), describe(entry),
                    null, clock.instant()));
            return entry;
        });
        lists.refresh();
        return removed;
    }

    @Override
    public Page<BlockListEntry> list(BlockListQuery query) {
        Instant now = clock.instant();
        return Pages.newestFirst(query.page(), (before, limit) -> store.page(query, before, limit, now),
                BlockListEntry::id);
    }

    @Override
    public Listings find(TenantId tenant, String value) {
        Probe probe = Probe.parse(value);
        Instant now = clock.instant();
        List<Probe> probes = List.of(probe);
        return new Listings(probe, lists.stored(lists.service(probe, now), probes, now),
                tenant == null ? List.of() : lists.stored(lists.tenant(tenant, probe, now), probes, now),
                reputation.check(probe).results());
    }

    @Override
    public ImportedEntries importRows(ImportCommand command) {
        Instant now = clock.instant();
        ImportedEntries imported = unitOfWork.inTransaction(() -> {
            Importer importer = new Importer(store.beginChange(), command, now);
            long read = 0;
            while (command.rows().hasNext()) {
                importer.accept(command.rows().next());
                command.progress().accept(++read);
            }
            importer.flush();
            if (importer.failed()) {
                throw new ImportFailedException(importer.badRows, importer.badRowCount);
            }
            ImportedEntries result = new ImportedEntries(importer.added, importer.alreadyListed,
                    importer.badRowCount);
            audit.add(AuditRecord.of(null, command.actor(), "block-list.import", "service-block-list", null,
                    command.source() + ": " + result.added() + " entries added, " + result.alreadyListed()
                            + " already listed, " + result.badRowsSkipped() + " bad rows skipped", now));
            return result;
        });
        lists.refresh();
        return imported;
    }

    @Override
    public void exportServiceList(Consumer<BlockListEntry> sink) {
        store.forEachActiveServiceEntry(clock.instant(), sink);
    }

    /** One import's progress: checks each row, inserts good ones a chunk at a time, and collects bad ones. */
    private final class Importer {

        private final long version;
        private final ImportCommand command;
        private final Instant now;
        private final Set<BlockedValue> seen = new HashSet<>();
        private final List<BlockListEntry> chunk = new ArrayList<>();
        private final List<String> badRows = new ArrayList<>();
        private long badRowCount;
        private long added;
        private long alreadyListed;

        Importer(long version, ImportCommand command, Instant now) {
            this.version = version;
            this.command = command;
            this.now = now;
        }

        /** Once a row is bad and bad rows fail the import, nothing will be kept: the rest are only checked. */
        boolean failed() {
            return badRowCount > 0 && !command.skipBadRows();
        }

        void accept(ImportRow row) {
            BlockListEntry entry;
            try {
                entry = entry(row);
            } catch (InvalidValueException e) {
                badRowCount++;
                if (badRows.size() < BAD_ROWS_SHOWN) {
                    badRows.add("line " + row.line() + ": " + e.getMessage());
                }
                return;
            }
            if (!seen.add(entry.value())) {
                alreadyListed++;
            } else if (!failed()) {
                chunk.add(entry);
                if (chunk.size() == IMPORT_CHUNK) {
                    flush();
                }
            }
        }

        void flush() {
            if (chunk.isEmpty() || failed()) {
                return;
            }
            List<BlockedValue> values = chunk.stream().map(BlockListEntry::value).toList();
            Set<BlockedValue> listed = listed(null, values, now, version);
            List<BlockListEntry> fresh = chunk.stream().filter(e -> !listed.contains(e.value())).toList();
            store.insert(fresh, version);
            added += fresh.size();
            alreadyListed += chunk.size() - fresh.size();
            chunk.clear();
        }

        private BlockListEntry entry(ImportRow row) {
            var type = BlockListEntryDraft.parseType("type", nullToEmpty(row.type()));
            boolean never = "never".equalsIgnoreCase(nullToEmpty(row.expiresAt()).strip());
            boolean delistable = delistable(row.delistable());
            var draft = new BlockListEntryDraft(type, row.reason(),
                    never ? null : BlockListEntryDraft.parseExpiry("expiresAt", row.expiresAt()), never,
                    row.notes() == null || row.notes().isBlank() ? null : row.notes().strip(), delistable);
            String exceptions = nullToEmpty(row.exceptions()).strip();
            return new BlockListEntry(UUID.randomUUID(), null, parse(type, row.value(), command.allowWideRanges()),
                    draft.reason(), command.source(), command.actor().value(), now, draft.expiryFrom(now),
                    draft.notes(), delistable,
                    exceptions.isEmpty() ? Set.of() : Set.copyOf(List.of(exceptions.split("\\s+"))));
        }

        private static boolean delistable(String text) {
            String value = nullToEmpty(text).strip();
            if (value.isEmpty() || value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new InvalidValueException("delistable", "must be true or false, was '" + value + "'");
        }
    }

    private BlockedValue parse(EntryType type, String raw, boolean allowWideRanges) {
        BlockedValue value = BlockedValue.parse(type, raw);
        return allowWideRanges ? value : wideRanges.check(value);
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

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
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
