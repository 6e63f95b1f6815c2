package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.alert.AlertMail;
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
        boolean pending = alert.mail().state() == AlertMail.State.PENDING;
        sql.update("INSERT INTO alert (id, tenant_id, kind, address, detail, recipients, created_at, mail_state, "
                + "mail_attempts, mail_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", alert.id().toString(),
                alert.tenantId().toString(), alert.kind(), alert.user().value(), alert.detail(),
                Lines.join(alert.recipients()), alert.createdAt(), alert.mail().state(), alert.mail().attempts(),
                pending ? alert.createdAt() : null);
    }

    @Override
    public List<Alert> findByTenant(TenantId tenantId, UUID before, int limit) {
        return NewestFirst.page(sql, "alert", tenantId, before, limit, JdbcAlertRepository::alert);
    }

    @Override
    public List<Alert> mailDue(Instant now, int limit) {
        return sql.list("SELECT * FROM alert WHERE mail_due_at <= ? ORDER BY mail_due_at LIMIT ?",
                JdbcAlertRepository::alert, now, limit);
    }

    @Override
    public boolean claimMail(Alert alert, Instant now, Instant until) {
        return sql.update("UPDATE alert SET mail_attempts = mail_attempts + 1, mail_due_at = ? WHERE id = ? "
                + "AND mail_state = 'PENDING' AND mail_attempts = ? AND mail_due_at <= ?", until,
                alert.id().toString(), alert.mail().attempts(), now) == 1;
    }

    @Override
    public boolean mailAttempted(UUID alertId, int attempts, AlertMail.State state, Instant retryAt) {
        return sql.update("UPDATE alert SET mail_state = ?, mail_due_at = ? WHERE id = ? AND mail_state = 'PENDING' "
                + "AND mail_attempts = ?", state, retryAt, alertId.toString(), attempts) == 1;
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(UUID.fromString(rs.getString("id")), TenantId.of(rs.getString("tenant_id")),
                AlertKind.valueOf(rs.getString("kind")), EmailAddress.of(rs.getString("address")),
                rs.getString("detail"), Lines.split(rs.getString("recipients")).stream().map(EmailAddress::of).toList(),
                Sql.instant(rs, "created_at"),
                new AlertMail(AlertMail.State.valueOf(rs.getString("mail_state")), rs.getInt("mail_attempts")));
    }
}
