package org.senderguard.adapters.persistence;

import java.time.Instant;
import java.util.UUID;
import org.senderguard.domain.tenant.TenantId;

/** Keyset paging for lists ordered newest first by (time, id): no OFFSET, so every page costs the same. */
final class NewestFirst {

    private NewestFirst() {
    }

    /** The condition that keeps only rows older than the cursor, or nothing without one. */
    static String after(Instant beforeAt, String timeColumn) {
        return beforeAt == null ? "" : "AND (" + timeColumn + " < ? OR (" + timeColumn + " = ? AND id < ?))";
    }

    static Object[] params(TenantId tenantId, Instant beforeAt, UUID beforeId, int limit) {
        return beforeAt == null ? new Object[] {tenantId.toString(), limit}
                : new Object[] {tenantId.toString(), beforeAt, beforeAt, beforeId.toString(), limit};
    }
}
