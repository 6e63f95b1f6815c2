package org.senderguard.domain.blocklist;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * One entry of a block list: the service list ({@code tenant} null) or a tenant's list.
 * {@code expiresAt} null means it never expires; {@code notes} may be null. A {@code delistable}
 * entry can be removed by the sender through the self-service delist portal.
 */
public record BlockListEntry(UUID id, TenantId tenant, BlockedValue value, String reason, EntrySource source,
        String createdBy, Instant createdAt, Instant expiresAt, String notes, boolean delistable) {

    public BlockListEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "a block-list entry needs a reason");
        }
        reason = reason.strip();
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public EntryType type() {
        return value.type();
    }

    /** Stops applying at {@code expiresAt} itself, without waiting for any clean-up job. */
    public boolean isActiveAt(Instant now) {
        return expiresAt == null || now.isBefore(expiresAt);
    }

    /** The plain definition of SPEC section 3.3, the reference the index must agree with. False when expired. */
    public boolean matches(Probe probe, Instant now) {
        return isActiveAt(now) && value.matches(probe);
    }

    public boolean isServiceEntry() {
        return tenant == null;
    }
}
