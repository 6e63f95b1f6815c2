package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;

/** Message ids can be long; they are kept as SHA-256 so the key stays small and fixed. */
@Singleton
class JdbcProcessedMessages implements ProcessedMessages {

    private final Sql sql;

    JdbcProcessedMessages(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Map<MessageKey, Decision> find(Collection<MessageKey> messages) {
        Map<String, MessageKey> byColumns = new HashMap<>();
        List<Object> params = new ArrayList<>();
        for (MessageKey message : messages) {
            String hash = hash(message.messageId());
            if (byColumns.put(message.tenantId() + "/" + hash, message) == null) {
                params.addAll(List.of(message.tenantId().toString(), hash));
            }
        }
        Map<MessageKey, Decision> found = new HashMap<>();
        sql.list("SELECT tenant_id, message_id_hash, action, smtp_reply, ndr_text FROM processed_message "
                        + "WHERE (tenant_id, message_id_hash) IN (" + Sql.rows(params.size() / 2, 2) + ")",
                rs -> found.put(byColumns.get(rs.getString(1) + "/" + rs.getString(2)),
                        new Decision(MailFlowAction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5))),
                params.toArray());
        return found;
    }

    @Override
    public void save(Map<MessageKey, Decision> decisions, Instant at) {
        if (decisions.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        decisions.forEach((message, decision) -> rows.add(new Object[] {message.tenantId().toString(),
                hash(message.messageId()), decision.action(), decision.smtpReply(), decision.ndrText(), at}));
        sql.batch("INSERT INTO processed_message (tenant_id, message_id_hash, action, smtp_reply, ndr_text, "
                + "decided_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    private static String hash(String messageId) {
        return Sha256.hex(messageId);
    }
}
