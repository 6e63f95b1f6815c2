package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcSpamSightings implements SpamSightings {

    private final Sql sql;

    JdbcSpamSightings(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void record(SenderKey sender, Collection<DomainName> domains, Instant at) {
        List<Object> params = new ArrayList<>();
        domains.forEach(domain -> params.addAll(List.of(domain.value(), sender.tenantId().toString(),
                sender.address().value(), at)));
        sql.update("INSERT INTO spam_url_sighting (registered_domain, tenant_id, address, seen_at) VALUES "
                + Sql.rows(domains.size(), 4) + " ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)", params.toArray());
    }

    @Override
    public Map<DomainName, Integer> distinctSenders(Collection<DomainName> domains, Instant since) {
        Map<DomainName, Integer> counts = new HashMap<>();
        List<Object> params = new ArrayList<>(domains.stream().map(DomainName::value).toList());
        params.add(since);
        sql.forEach("SELECT registered_domain, COUNT(*) FROM spam_url_sighting WHERE registered_domain IN "
                        + Sql.rows(1, domains.size()) + " AND seen_at >= ? GROUP BY registered_domain",
                rs -> Map.entry(new DomainName(rs.getString(1)), rs.getInt(2)),
                entry -> counts.put(entry.getKey(), entry.getValue()), params.toArray());
        return counts;
    }

    @Override
    public Map<TenantId, Integer> sendersByTenant(DomainName domain, Instant since) {
        Map<TenantId, Integer> counts = new HashMap<>();
        sql.forEach("SELECT tenant_id, COUNT(*) FROM spam_url_sighting WHERE registered_domain = ? AND seen_at >= ? "
                        + "GROUP BY tenant_id", rs -> Map.entry(TenantId.of(rs.getString(1)), rs.getInt(2)),
                entry -> counts.put(entry.getKey(), entry.getValue()), domain.value(), since);
        return counts;
    }

    @Override
    public void forget(DomainName domain) {
        sql.update("DELETE FROM spam_url_sighting WHERE registered_domain = ?", domain.value());
    }
}
