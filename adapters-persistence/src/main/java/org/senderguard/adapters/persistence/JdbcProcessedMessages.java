package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Ndr;
import org.senderguard.domain.mailflow.SmtpReply;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.common.Sha256;

/**
 * A decision is kept under the SHA-256 of its {@link MessageKey}: message ids and recipient lists
 * can be long, and one 32-byte key keeps the table small. On MariaDB a lookup asks only the
 * partitions not sealed yet, and the sealed ones only for the keys they may hold
 * ({@link SealedDecisions}), so that the decisions of the whole retention ({@link DecisionHistory})
 * need not stay in the database's memory.
 */
@Singleton
class JdbcProcessedMessages implements ProcessedMessages {

    private static final String SELECT = "SELECT message_key, action, smtp_reply, ndr_text, ndr_next_step "
            + "FROM processed_message WHERE message_key IN ";

    private final Sql sql;
    private final SealedDecisions sealed;

    JdbcProcessedMessages(Sql sql, SealedDecisions sealed) {
        this.sql = sql;
        this.sealed = sealed;
    }

    @Override
    public Map<MessageKey, Decision> find(Collection<MessageKey> messages) {
        if (messages.isEmpty()) {
            return Map.of();
        }
        Map<ByteBuffer, MessageKey> byKey = new HashMap<>();
        for (MessageKey message : messages) {
            byKey.put(ByteBuffer.wrap(key(message)), message);
        }
        List<byte[]> keys = byKey.keySet().stream().map(ByteBuffer::array).toList();
        SealedDecisions.Lookup lookup = sealed.lookup(keys);
        Map<MessageKey, Decision> found = new HashMap<>();
        find(keys, lookup.sealed() == null ? When.ANY : When.outside(lookup.sealed()), byKey, found);
        lookup.sealedCandidates().forEach((span, candidates) -> find(candidates, When.inside(span), byKey, found));
        return found;
    }

    /** A condition on the decision time, and its parameters. */
    private record When(String sql, List<Instant> times) {

        static final When ANY = new When("", List.of());

        static When outside(SealedDecisions.Span span) {
            return span.from() == null ? new When(" AND decided_at >= ?", List.of(span.until()))
                    : new When(" AND (decided_at >= ? OR decided_at < ?)", List.of(span.until(), span.from()));
        }

        static When inside(SealedDecisions.Span span) {
            return span.from() == null ? new When(" AND decided_at < ?", List.of(span.until()))
                    : new When(" AND decided_at < ? AND decided_at >= ?", List.of(span.until(), span.from()));
        }
    }

    private void find(List<byte[]> keys, When when, Map<ByteBuffer, MessageKey> byKey,
                      Map<MessageKey, Decision> found) {
        List<Object> params = new ArrayList<>(keys);
        params.addAll(when.times());
        sql.list(SELECT + "(" + Sql.rows(keys.size(), 1) + ")" + when.sql(),
                rs -> found.put(byKey.get(ByteBuffer.wrap(rs.getBytes(1))), new Decision(
                        MailFlowAction.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : SmtpReply.parse(rs.getString(3)),
                        rs.getString(4) == null ? null : new Ndr(rs.getString(4), rs.getString(5)))),
                params.toArray());
    }

    @Override
    public void save(Map<MessageKey, Decision> decisions, Instant at) {
        if (decisions.isEmpty()) {
            return;
        }
        Instant savedAt = sealed.saveTime(at);
        List<Object[]> rows = new ArrayList<>();
        decisions.forEach((message, decision) -> rows.add(new Object[] {key(message), decision.action(),
                decision.reply() == null ? null : decision.reply().toString(),
                decision.ndr() == null ? null : decision.ndr().text(),
                decision.ndr() == null ? null : decision.ndr().nextStep(), savedAt}));
        sql.batch("INSERT INTO processed_message (message_key, action, smtp_reply, ndr_text, ndr_next_step, "
                + "decided_at) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    private static byte[] key(MessageKey message) {
        return Sha256.bytes(message.canonical());
    }
}
