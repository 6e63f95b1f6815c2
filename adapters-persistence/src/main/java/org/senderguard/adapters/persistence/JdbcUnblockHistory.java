package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.senderguard.application.port.out.UnblockHistory;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcUnblockHistory implements UnblockHistory {

    private final Sql sql;

    JdbcUnblockHistory(Sql sql) {
        this.sql = sql;
    }

    @Override
    public int countAdminUnblocksSince(TenantId tenantId, EmailAddress user, Instant since) {
        return sql.one("SELECT COUNT(*) FROM unblock WHERE tenant_id = ? AND address = ? AND unblocked_at > ? "
                + "AND limit_override = FALSE", rs -> rs.getInt(1), tenantId.toString(), user.value(), since).orElse(0);
    }

    @Override
    public void add(TenantId tenantId, EmailAddress user, Actor actor, boolean override, Instant at) {
        sql.update("INSERT INTO unblock (id, tenant_id, address, actor, limit_override, unblocked_at) VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), tenantId.toString(), user.value(), actor.value(), override, at);
    }
}
