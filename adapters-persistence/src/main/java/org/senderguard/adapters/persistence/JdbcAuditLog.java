package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcAuditLog implements AuditLog {

    private final Sql sql;

    JdbcAuditLog(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(AuditRecord record) {
        sql.update("INSERT INTO audit_record (id, tenant_id, actor, action, target, before_state, after_state, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", record.id().toString(),
                record.tenantId() == null ? null : record.tenantId().toString(), record.actor().value(),
                record.action(), record.target(), record.before(), record.after(), record.at());
    }

    @Override
    public List<AuditRecord> findByTenant(TenantId tenantId, UUID before, int limit) {
        return NewestFirst.page(sql, "audit_record", tenantId, before, limit, JdbcAuditLog::record);
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        String tenant = rs.getString("tenant_id");
        return new AuditRecord(UUID.fromString(rs.getString("id")), tenant == null ? null : TenantId.of(tenant),
                new Actor(rs.getString("actor")), rs.getString("action"), rs.getString("target"),
                rs.getString("before_state"), rs.getString("after_state"), Sql.instant(rs, "recorded_at"));
    }
}
