package org.senderguard.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

/**
 * Keyset paging for the logs, newest first by their insertion sequence: no OFFSET, so every page
 * costs the same, and records of one instant keep their order. The cursor is the id of the last
 * record of the page before; the logs keep their records, so a cursor that names no record of the
 * tenant's list is a mistake, refused as such rather than answered with an empty page.
 */
final class NewestFirst {

    private NewestFirst() {
    }

    /**
     * The tenant's records of {@code table} older than the record {@code before} (null: from the
     * newest); a null tenant pages the service's own records ({@code tenant_id IS NULL}).
     */
    static <T> List<T> page(Sql sql, String table, TenantId tenantId, UUID before, int limit, Sql.Row<T> row) {
        String ofTenant = "tenant_id " + (tenantId == null ? "IS NULL" : "= ?");
        List<Object> params = new ArrayList<>();
        if (tenantId != null) {
            params.add(tenantId.toString());
        }
        if (before != null) {
            List<Object> cursor = new ArrayList<>(List.of(before.toString()));
            cursor.addAll(params);
            params.add(sql.one("SELECT seq FROM " + table + " WHERE id = ? AND " + ofTenant, rs -> rs.getLong(1),
                    cursor.toArray()).orElseThrow(() -> new InvalidValueException("cursor",
                    "names no record of this list; use the cursor a previous page returned")));
        }
        params.add(limit);
        return sql.list("SELECT * FROM " + table + " WHERE " + ofTenant + (before == null ? "" : " AND seq < ?")
                + " ORDER BY seq DESC LIMIT ?", row, params.toArray());
    }
}
