package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.senderguard.application.port.out.PolicyRepository;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.outbound.SenderConditions;
import org.senderguard.domain.outbound.SendingLimits;
import org.senderguard.domain.outbound.ThresholdAction;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcPolicyRepository implements PolicyRepository {

    private static final String COLUMNS = "name, priority, enabled, default_marker, limit_external_per_hour, "
            + "limit_internal_per_hour, limit_per_day, limit_spam_per_hour, threshold_action, notify_recipients, "
            + "senders, sender_domains, excluded_senders";

    private final Sql sql;

    JdbcPolicyRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<OutboundSpamPolicy> findByTenant(TenantId tenantId) {
        return sql.list("SELECT id, tenant_id, " + COLUMNS + " FROM outbound_spam_policy WHERE tenant_id = ?",
                JdbcPolicyRepository::policy, tenantId.toString());
    }

    @Override
    public void insert(OutboundSpamPolicy policy) {
        sql.update("INSERT INTO outbound_spam_policy (" + COLUMNS + ", id, tenant_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values(policy));
    }

    @Override
    public void update(OutboundSpamPolicy policy) {
        sql.update("UPDATE outbound_spam_policy SET " + COLUMNS.replace(",", " = ?,") + " = ? "
                + "WHERE id = ? AND tenant_id = ?", values(policy));
    }

    @Override
    public void delete(TenantId tenantId, PolicyId id) {
        sql.update("DELETE FROM outbound_spam_policy WHERE id = ? AND tenant_id = ?", id.toString(),
                tenantId.toString());
    }

    private static Object[] values(OutboundSpamPolicy p) {
        SendingLimits l = p.limits();
        return new Object[] {p.name(), p.priority(), p.enabled(), p.isDefault() ? 1 : null,
                l.recipientLimitExternalPerHour(), l.recipientLimitInternalPerHour(), l.recipientLimitPerDay(),
                l.spamMessageLimitPerHour(), p.action(), Lines.join(p.notifyRecipients()),
                Lines.join(p.conditions().senders()), Lines.join(p.conditions().senderDomains()),
                Lines.join(p.conditions().excludedSenders()), p.id().toString(), p.tenantId().toString()};
    }

    private static OutboundSpamPolicy policy(ResultSet rs) throws SQLException {
        return new OutboundSpamPolicy(new PolicyId(UUID.fromString(rs.getString("id"))),
                TenantId.of(rs.getString("tenant_id")), rs.getString("name"), rs.getInt("priority"),
                rs.getBoolean("enabled"), rs.getObject("default_marker") != null,
                new SendingLimits(rs.getInt("limit_external_per_hour"), rs.getInt("limit_internal_per_hour"),
                        rs.getInt("limit_per_day"), rs.getInt("limit_spam_per_hour")),
                ThresholdAction.valueOf(rs.getString("threshold_action")),
                Lines.split(rs.getString("notify_recipients")).stream().map(EmailAddress::of).toList(),
                SenderConditions.parse(Lines.split(rs.getString("senders")),
                        Lines.split(rs.getString("sender_domains")), Lines.split(rs.getString("excluded_senders"))));
    }
}
