package org.senderguard.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.tenant.TenantId;

/**
 * One change: who did what to which thing, when, and the thing before and after (a readable
 * rendering; null where it did not exist).
 */
public record AuditRecord(UUID id, TenantId tenantId, Actor actor, String action, String target, String before,
                          String after, Instant at) {

    public AuditRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(at, "at");
    }

    /** {@code before} and {@code after}: what the thing was and became, as people read it (see {@code describe()} of the domain's things). */
    public static AuditRecord of(TenantId tenantId, Actor actor, String action, String target, String before,
                                 String after, Instant at) {
        return new AuditRecord(UUID.randomUUID(), tenantId, actor, action, target, before, after, at);
    }
}
