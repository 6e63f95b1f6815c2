package org.senderguard.adapters.rest.blocklist;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.delisting.DelistPlan;

/**
 * One entry; {@code list} is {@code SERVICE} or {@code TENANT}, {@code expiresAt} null when it never
 * expires; {@code exceptions}: the single addresses an IP range no longer lists, usually none;
 * {@code portalCanLift}: whether the delist portal lifts it for a sender now (a delistable range
 * that has all the exceptions the portal gives it does not; see the README's delist portal).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BlockListEntryResponse(String id, String list, String type, String value, String reason, String source,
                                     String createdBy, Instant createdAt, @Nullable Instant expiresAt,
                                     @Nullable String notes, boolean delistable, List<String> exceptions,
                                     boolean portalCanLift) {

    public static BlockListEntryResponse from(BlockListEntry entry) {
        return new BlockListEntryResponse(entry.id().toString(), entry.isServiceEntry() ? "SERVICE" : "TENANT",
                entry.type().name(), entry.value().value(), entry.reason(), entry.source().name(), entry.createdBy(),
                entry.createdAt(), entry.expiresAt(), entry.notes(), entry.delistable(),
                List.copyOf(entry.exceptions()), DelistPlan.portalCanLift(entry));
    }
}
