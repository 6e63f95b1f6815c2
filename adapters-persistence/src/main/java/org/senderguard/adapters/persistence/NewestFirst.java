package org.senderguard.adapters.persistence;

import java.util.UUID;
import org.senderguard.domain.tenant.TenantId;

/**
 * Keyset paging for the logs, newest first by their insertion sequence: no OFFSET, so every page
 * costs the same, and records of one instant keep their order.
 */
final class NewestFirst {

    private NewestFirst() {
    }

    /** {@code SELECT * FROM table WHERE tenant_id = ? [older than the cursor] ORDER BY seq DESC LIMIT ?}. */
    static String query(String table, UUID before) {
        return "SELECT * FROM " + table + " WHERE tenant_id = ? "
                + (before == null ? "" : "AND seq < (SELECT seq FROM " + table + " WHERE id = ?) ")
                + "ORDER BY seq DESC LIMIT ?";
    }

    static Object[] params(TenantId tenantId, UUID before, int limit) {
        return before == null ? new Object[] {tenantId.toString(), limit}
                : new Object[] {tenantId.toString(), before.toString(), limit};
    }
}
