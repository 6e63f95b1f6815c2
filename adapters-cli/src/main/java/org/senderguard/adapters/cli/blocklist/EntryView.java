package org.senderguard.adapters.cli.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.senderguard.adapters.cli.Table;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.delisting.DelistPlan;

/**
 * One block-list entry as the CLI prints it; {@code list} is SERVICE or the tenant's id; JSON shows
 * nulls; {@code exceptions}: the addresses an IP range no longer lists, in the table after the value;
 * {@code portalCanLift}: whether the delist portal lifts it for a sender now (JSON only).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EntryView(String id, String list, String type, String value, String reason, String source,
                        String createdBy, Instant createdAt, @Nullable Instant expiresAt, @Nullable String notes,
                        boolean delistable, List<String> exceptions, boolean portalCanLift) {

    static EntryView from(BlockListEntry entry) {
        return new EntryView(entry.id().toString(), entry.isServiceEntry() ? "SERVICE" : entry.tenant().toString(),
                entry.type().name(), entry.value().value(), entry.reason(), entry.source().name(), entry.createdBy(),
                entry.createdAt(), entry.expiresAt(), entry.notes(), entry.delistable(),
                List.copyOf(entry.exceptions()), DelistPlan.portalCanLift(entry));
    }

    static List<EntryView> from(Collection<BlockListEntry> entries) {
        return entries.stream().map(EntryView::from).toList();
    }

    static Table table(Collection<EntryView> entries) {
        Table table = Table.withHeaders("ID", "LIST", "TYPE", "VALUE", "REASON", "SOURCE", "EXPIRES", "DELISTABLE");
        entries.forEach(e -> table.row(e.id, e.list, e.type, e.valueWithExceptions(), e.reason, e.source,
                e.expiresAt == null ? "never" : e.expiresAt, e.delistable ? "yes" : "no"));
        return table;
    }

    /** {@code 198.51.100.0/24 except 198.51.100.7,198.51.100.9}. */
    private String valueWithExceptions() {
        return exceptions.isEmpty() ? value : value + " except " + String.join(",", exceptions);
    }
}
