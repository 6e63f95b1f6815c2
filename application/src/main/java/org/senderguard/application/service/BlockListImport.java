package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.ImportBlockListUseCase;
import org.senderguard.application.port.in.ImportCommand;
import org.senderguard.application.port.in.ImportFailedException;
import org.senderguard.application.port.in.ImportRow;
import org.senderguard.application.port.in.ImportedEntries;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.WideRanges;
import org.senderguard.domain.common.InvalidValueException;

/**
 * Imports rows into the service list: every row is read and checked first, without touching the
 * store; then the good ones go to the store in one bulk write, under one new list version, in one
 * transaction. Servers pick the entries up through the change feed, like any change made elsewhere.
 */
public class BlockListImport implements ImportBlockListUseCase {

    /** Bad rows named in a failed import's report; the rest are counted. */
    private static final int BAD_ROWS_SHOWN = 20;
    /** Rows read before they are checked, on every core, and then taken in file order. */
    private static final int ROWS_PER_CHUNK = 4_096;

    private final BlockListStore store;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final WideRanges wideRanges;

    public BlockListImport(BlockListStore store, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                           WideRanges wideRanges) {
        this.store = store;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.wideRanges = wideRanges;
    }

    @Override
    public ImportedEntries importRows(ImportCommand command) {
        Instant now = clock.instant();
        Rows rows = new Rows(command, now);
        List<ImportRow> chunk = new ArrayList<>(ROWS_PER_CHUNK);
        long read = 0;
        while (command.rows().hasNext()) {
            chunk.add(command.rows().next());
            if (chunk.size() == ROWS_PER_CHUNK || !command.rows().hasNext()) {
                rows.acceptAll(chunk);
                read += chunk.size();
                command.progress().accept(read);
                chunk.clear();
            }
        }
        if (rows.failed()) {
            throw new ImportFailedException(rows.badRows, rows.badRowCount);
        }
        return unitOfWork.inTransaction(() -> {
            BlockListStore.Imported written = store.importEntries(rows.entries, store.beginChange(), now);
            ImportedEntries result = new ImportedEntries(written.added(), rows.entries.size() - written.added(),
                    written.extended(), rows.repeated, rows.expired, rows.badRowCount);
            audit.add(AuditRecord.of(null, command.actor(), "block-list.import", "service-block-list", null,
                    command.source() + ": " + result.added() + " entries added, " + result.alreadyListedText() + ", "
                            + result.badRowsSkipped() + " bad rows skipped", now));
            return result;
        });
    }

    /** The rows read so far: the good ones as entries, each value once, and the bad ones by line. */
    private final class Rows {

        private final ImportCommand command;
        private final Instant now;
        /** Each value read, with where its entry is in {@link #entries} (-1 once nothing is kept). */
        private final Map<BlockedValue, Integer> seen = new HashMap<>();
        private final List<BlockListEntry> entries = new ArrayList<>();
        private final List<String> badRows = new ArrayList<>();
        private long badRowCount;
        private long repeated;
        private long expired;

        Rows(ImportCommand command, Instant now) {
            this.command = command;
            this.now = now;
        }

        /** Once a row is bad and bad rows fail the import, nothing will be kept: the rest are only checked. */
        boolean failed() {
            return badRowCount > 0 && !command.skipBadRows();
        }

        void acceptAll(List<ImportRow> chunk) {
            chunk.parallelStream().map(this::check).toList().forEach(this::accept);
        }

        private Checked check(ImportRow row) {
            try {
                return new Checked(row, entry(row), null);
            } catch (InvalidValueException e) {
                return new Checked(row, null, e.getMessage());
            }
        }

        private void accept(Checked checked) {
            BlockListEntry entry = checked.entry();
            if (checked.expired()) {
                expired++;
                return;
            }
            if (entry == null) {
                badRowCount++;
                if (badRows.size() < BAD_ROWS_SHOWN) {
                    badRows.add("line " + checked.row().line() + ": " + checked.problem());
                }
                return;
            }
            Integer at = seen.putIfAbsent(entry.value(), failed() ? -1 : entries.size());
            if (at == null) {
                if (!failed()) {
                    entries.add(entry);
                }
                return;
            }
            // As an import extends a listed entry: a later row's later expiry is kept, never an earlier one.
            repeated++;
            if (at >= 0 && BlockListEntry.isLater(entry.expiresAt(), entries.get(at).expiresAt())) {
                entries.set(at, entries.get(at).withExpiry(entry.expiresAt()));
            }
        }

        /**
         * The id is a placeholder: the store names the entries it adds. Null for a good row whose
         * expiry has passed: an export lists what was active when it was written, and is still
         * imported once some of it has expired.
         */
        private BlockListEntry entry(ImportRow row) {
            var type = BlockListEntryDraft.parseType("type", nullToEmpty(row.type()));
            boolean never = "never".equalsIgnoreCase(nullToEmpty(row.expiresAt()).strip());
            boolean delistable = delistable(row.delistable());
            var draft = new BlockListEntryDraft(type, row.reason(),
                    never ? null : BlockListEntryDraft.parseExpiry("expiresAt", row.expiresAt()), never,
                    row.notes() == null || row.notes().isBlank() ? null : row.notes().strip(), delistable);
            String exceptions = nullToEmpty(row.exceptions()).strip();
            boolean lapsed = draft.expiresAt() != null && !draft.expiresAt().isAfter(now);
            // Made whole either way: the entry checks its value's exceptions.
            BlockListEntry entry = new BlockListEntry(new UUID(0, row.line()), null,
                    wideRanges.parse(type, row.value(), command.allowWideRanges()), draft.reason(), command.source(),
                    command.actor().value(), now, lapsed ? draft.expiresAt() : draft.expiryFrom(now), draft.notes(),
                    delistable, exceptions.isEmpty() ? Set.of() : Set.copyOf(List.of(exceptions.split("\\s+"))));
            return lapsed ? null : entry;
        }
    }

    /** A row with its entry, or the problem that makes it a bad row; neither when its expiry has passed. */
    private record Checked(ImportRow row, BlockListEntry entry, String problem) {

        boolean expired() {
            return entry == null && problem == null;
        }
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

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
