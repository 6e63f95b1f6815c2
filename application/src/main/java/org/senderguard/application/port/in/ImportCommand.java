package org.senderguard.application.port.in;

import java.util.Iterator;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.EntrySource;

/**
 * Rows for the service list from a file: an operator's list ({@code IMPORT}), where any bad row
 * fails the import, or a third-party feed ({@code THIRD_PARTY}), whose bad rows are skipped and
 * counted. {@code progress} hears the number of rows read so far. IP ranges wider than the service
 * allows are bad rows unless {@code allowWideRanges}.
 */
public record ImportCommand(Iterator<ImportRow> rows, EntrySource source, boolean skipBadRows, Actor actor,
                            LongConsumer progress, boolean allowWideRanges) {

    public ImportCommand {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(progress, "progress");
    }

    /** Without wide ranges. */
    public ImportCommand(Iterator<ImportRow> rows, EntrySource source, boolean skipBadRows, Actor actor,
                         LongConsumer progress) {
        this(rows, source, skipBadRows, actor, progress, false);
    }
}
