package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.senderguard.application.port.out.PortalRequests;
import org.senderguard.domain.apikey.SecretHash;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.delisting.PortalRequest;
import org.senderguard.domain.delisting.PortalRequestStatus;

@Singleton
class JdbcPortalRequests implements PortalRequests {

    private final Sql sql;

    JdbcPortalRequests(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void insert(PortalRequest request) {
        sql.update("INSERT INTO portal_request (id, address, ip, token_hash, client_ip, status, requested_at, "
                        + "expires_at, completed_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                request.id().toString(), request.address().value(), request.ip(), request.tokenHash().hex(),
                request.clientIp(), request.status(), request.requestedAt(), request.expiresAt(),
                request.completedAt(), request.outcome());
    }

    @Override
    public Optional<PortalRequest> findByTokenHash(SecretHash tokenHash) {
        return sql.one("SELECT * FROM portal_request WHERE token_hash = ?", JdbcPortalRequests::request,
                tokenHash.hex());
    }

    @Override
    public boolean complete(UUID id, Instant now, String outcome) {
        return sql.update("UPDATE portal_request SET status = ?, completed_at = ?, outcome = ? "
                        + "WHERE id = ? AND status = ? AND expires_at > ?", PortalRequestStatus.COMPLETED, now, outcome,
                id.toString(), PortalRequestStatus.PENDING, now) == 1;
    }

    @Override
    public void markMailFailed(UUID id, String reason) {
        sql.update("UPDATE portal_request SET status = ?, outcome = ? WHERE id = ?", PortalRequestStatus.MAIL_FAILED,
                "confirmation mail not sent: " + reason, id.toString());
    }

    @Override
    public List<PortalRequest> newestFirst(PortalRequestStatus status, Instant now, int limit) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (status != null) {
            boolean pendingOrExpired = status == PortalRequestStatus.PENDING || status == PortalRequestStatus.EXPIRED;
            where.append(" WHERE status = ?");
            params.add(pendingOrExpired ? PortalRequestStatus.PENDING : status);
            if (pendingOrExpired) {
                where.append(status == PortalRequestStatus.PENDING ? " AND expires_at > ?" : " AND expires_at <= ?");
                params.add(now);
            }
        }
        params.add(limit);
        return sql.list("SELECT * FROM portal_request" + where + " ORDER BY seq DESC LIMIT ?",
                JdbcPortalRequests::request, params.toArray());
    }

    private static PortalRequest request(ResultSet rs) throws SQLException {
        return new PortalRequest(UUID.fromString(rs.getString("id")), EmailAddress.of(rs.getString("address")),
                rs.getString("ip"), new SecretHash(rs.getString("token_hash")), rs.getString("client_ip"),
                PortalRequestStatus.valueOf(rs.getString("status")), Sql.instant(rs, "requested_at"),
                Sql.instant(rs, "expires_at"), Sql.instant(rs, "completed_at"), rs.getString("outcome"));
    }
}
