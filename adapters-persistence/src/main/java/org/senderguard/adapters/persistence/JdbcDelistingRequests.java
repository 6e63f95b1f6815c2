package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.domain.common.Sha256;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.delisting.DelistingStatus;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcDelistingRequests implements DelistingRequests {

    private final Sql sql;

    JdbcDelistingRequests(Sql sql) {
        this.sql = sql;
    }

    /** A pending request takes its pending key, which the database keeps unique. */
    @Override
    public void insert(DelistingRequest request) {
        sql.update("INSERT INTO delisting_request (id, tenant_id, list_name, listed_value, status, reason, "
                        + "requested_by, requested_at, resolved_at, outcome, pending_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id().toString(), request.tenantId().toString(), request.list(), request.value(),
                request.status(), request.reason(), request.requestedBy(), request.requestedAt(),
                request.resolvedAt(), request.outcome(), request.status() == DelistingStatus.PENDING
                        ? Sha256.hex(request.tenantId() + "\n" + request.list() + "\n" + request.value()) : null);
    }

    @Override
    public List<DelistingRequest> findByTenant(TenantId tenantId, UUID before, int limit) {
        return NewestFirst.page(sql, "delisting_request", tenantId, before, limit, JdbcDelistingRequests::request);
    }

    @Override
    public List<DelistingRequest> findPending(String value) {
        return sql.list("SELECT * FROM delisting_request WHERE status = ? AND listed_value = ?",
                JdbcDelistingRequests::request, DelistingStatus.PENDING, value);
    }

    @Override
    public Optional<DelistingRequest> findPending(TenantId tenantId, String list, String value) {
        return sql.one("SELECT * FROM delisting_request WHERE tenant_id = ? AND list_name = ? AND listed_value = ? "
                + "AND status = ? ORDER BY seq LIMIT 1", JdbcDelistingRequests::request, tenantId.toString(), list,
                value, DelistingStatus.PENDING);
    }

    @Override
    public boolean resolve(UUID id, Instant at, String outcome) {
        return sql.update("UPDATE delisting_request SET status = ?, resolved_at = ?, outcome = ?, pending_key = NULL "
                + "WHERE id = ? AND status = ?", DelistingStatus.RESOLVED, at, outcome, id.toString(), DelistingStatus.PENDING) == 1;
    }

    @Override
    public int countSince(TenantId tenantId, String list, Instant since) {
        return sql.one("SELECT COUNT(*) FROM delisting_request WHERE tenant_id = ? AND list_name = ? "
                + "AND requested_at >= ?", rs -> rs.getInt(1), tenantId.toString(), list, since).orElse(0);
    }

    private static DelistingRequest request(ResultSet rs) throws SQLException {
        return new DelistingRequest(UUID.fromString(rs.getString("id")), TenantId.of(rs.getString("tenant_id")),
                rs.getString("list_name"), rs.getString("listed_value"), DelistingStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("requested_by"), Sql.instant(rs, "requested_at"),
                Sql.instant(rs, "resolved_at"), rs.getString("outcome"));
    }
}
