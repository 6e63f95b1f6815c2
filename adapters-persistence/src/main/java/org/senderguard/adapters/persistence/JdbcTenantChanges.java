package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.util.function.Consumer;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.domain.tenant.TenantId;

/** One row per tenant with the version of its last change, under a version row like the block lists'. */
@Singleton
class JdbcTenantChanges implements TenantChanges {

    private final Sql sql;

    JdbcTenantChanges(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long record(TenantId tenant) {
        long next = sql.one("SELECT version FROM tenant_change_version WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1))
                .orElseThrow() + 1;
        sql.update("UPDATE tenant_change_version SET version = ? WHERE id = 1", next);
        sql.update("INSERT INTO tenant_change (tenant_id, version) VALUES (?, ?) ON DUPLICATE KEY UPDATE version = ?",
                tenant.toString(), next, next);
        return next;
    }

    @Override
    public long currentVersion() {
        return sql.one("SELECT version FROM tenant_change_version WHERE id = 1", rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public long changedSince(long since, Consumer<TenantId> changed) {
        long current = currentVersion();
        if (current > since) {
            sql.forEach("SELECT tenant_id FROM tenant_change WHERE version > ? AND version <= ? ORDER BY version",
                    rs -> TenantId.of(rs.getString(1)), changed, since, current);
        }
        return current;
    }
}
