package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcAlertRepository implements AlertRepository {

    private final Sql sql;

    JdbcAlertRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(Alert alert) {
        sql.update("INSERT INTO alert (id, tenant_id, kind, address, detail, recipients, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", alert.id().toString(), alert.tenantId().toString(), alert.kind(),
                alert.user().value(), alert.detail(), Lines.join(alert.recipients()), alert.createdAt());
    }

    @Override
    public List<Alert> findByTenant(TenantId tenantId, UUID before, int limit) {
        return sql.list(NewestFirst.query("alert", tenantId, before), JdbcAlertRepository::alert, NewestFirst.params(tenantId, before, limit));
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(UUID.fromString(rs.getString("id")), TenantId.of(rs.getString("tenant_id")),
                AlertKind.valueOf(rs.getString("kind")), EmailAddress.of(rs.getString("address")),
                rs.getString("detail"), Lines.split(rs.getString("recipients")).stream().map(EmailAddress::of).toList(),
                Sql.instant(rs, "created_at"));
    }
}
