package org.senderguard.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.tenant.TenantId;

/**
 * Keyset paging for the logs, newest first by their insertion sequence: no OFFSET, so every page
 * costs the same, and records of one instant keep their order.
 */
final class NewestFirst {

    private NewestFirst() {
    }

    /**
     * {@code SELECT * FROM table WHERE tenant_id = ? [older than the cursor] ORDER BY seq DESC LIMIT ?};
     * a null tenant selects the service's own records ({@code tenant_id IS NULL}).
     */
    static String query(String table, TenantId tenantId, UUID before) {
        return "SELECT * FROM " + table + " WHERE tenant_id " + (tenantId == null ? "IS NULL " : "= ? ")
                + (before == null ? "" : "AND seq < (SELECT seq FROM " + table + " WHERE id = ?) ")
                + "ORDER BY seq DESC LIMIT ?";
    }

    static Object[] params(TenantId tenantId, UUID before, int limit) {
        List<Object> params = new ArrayList<>();
        if (tenantId != null) {
            params.add(tenantId.toString());
        }
        if (before != null) {
            params.add(before.toString());
        }
        params.add(limit);
        return params.toArray();
    }
}
