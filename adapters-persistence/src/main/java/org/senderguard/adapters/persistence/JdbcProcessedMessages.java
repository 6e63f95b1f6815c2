package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.tenant.TenantId;

/** Message ids can be long; they are kept as SHA-256 so the key stays small and fixed. */
@Singleton
class JdbcProcessedMessages implements ProcessedMessages {

    private final Sql sql;

    JdbcProcessedMessages(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Decision> find(TenantId tenantId, String messageId) {
        return sql.one("SELECT action, smtp_reply, ndr_text FROM processed_message WHERE tenant_id = ? "
                        + "AND message_id_hash = ?",
                rs -> new Decision(MailFlowAction.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                tenantId.toString(), hash(messageId));
    }

    @Override
    public void save(TenantId tenantId, String messageId, Decision decision, Instant at) {
        sql.update("INSERT INTO processed_message (tenant_id, message_id_hash, action, smtp_reply, ndr_text, "
                + "decided_at) VALUES (?, ?, ?, ?, ?, ?)", tenantId.toString(), hash(messageId), decision.action(),
                decision.smtpReply(), decision.ndrText(), at);
    }

    private static String hash(String messageId) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
