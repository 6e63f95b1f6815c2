package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.senderguard.application.port.out.SendingCounters;
import org.senderguard.domain.common.UtcDay;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SendingUsage;

/**
 * Counters per sender and minute, and per sender and UTC day. A message reads at most 60 minute
 * rows and one day row of its own sender, however long the history and however many the senders.
 * The rolling hour is the current minute and the 59 before it.
 */
@Singleton
class JdbcSendingCounters implements SendingCounters {

    static final int WINDOW_MINUTES = 60;

    private final Sql sql;

    JdbcSendingCounters(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Map<SenderKey, SendingUsage> usage(Collection<SenderKey> senders, Instant now) {
        SenderKeys keys = new SenderKeys(new HashSet<>(senders));
        Map<SenderKey, int[]> hour = new HashMap<>();
        List<Object> hourParams = new ArrayList<>(keys.params());
        hourParams.addAll(List.of(minute(now) - WINDOW_MINUTES, minute(now)));
        sql.list("SELECT tenant_id, address, SUM(external_recipients), SUM(internal_recipients), SUM(spam_messages) "
                + "FROM sending_minute WHERE " + keys.in() + " AND epoch_minute > ? AND epoch_minute <= ? "
                + "GROUP BY tenant_id, address", rs -> hour.put(keys.of(rs.getString(1), rs.getString(2)),
                        new int[] {rs.getInt(3), rs.getInt(4), rs.getInt(5)}), hourParams.toArray());
        Map<SenderKey, Integer> today = new HashMap<>();
        List<Object> dayParams = new ArrayList<>(keys.params());
        dayParams.add(UtcDay.of(now));
        sql.list("SELECT tenant_id, address, recipients FROM sending_day WHERE " + keys.in() + " AND utc_day = ?",
                rs -> today.put(keys.of(rs.getString(1), rs.getString(2)), rs.getInt(3)), dayParams.toArray());
        Map<SenderKey, SendingUsage> usage = new HashMap<>();
        for (SenderKey sender : senders) {
            int[] h = hour.getOrDefault(sender, new int[3]);
            usage.put(sender, new SendingUsage(h[0], h[1], today.getOrDefault(sender, 0), h[2]));
        }
        return usage;
    }

    /** One statement per table for all senders; callers hold the senders' locks. */
    @Override
    public void add(Map<SenderKey, MessageWeight> weights, Instant now) {
        if (weights.isEmpty()) {
            return;
        }
        List<Object[]> minutes = new ArrayList<>();
        List<Object[]> days = new ArrayList<>();
        weights.forEach((sender, weight) -> {
            minutes.add(new Object[] {sender.tenantId().toString(), sender.address().value(), minute(now),
                    weight.external(), weight.internal(), weight.spam()});
            days.add(new Object[] {sender.tenantId().toString(), sender.address().value(), UtcDay.of(now),
                    weight.external() + weight.internal()});
        });
        sql.batch("INSERT INTO sending_minute (tenant_id, address, epoch_minute, external_recipients, "
                + "internal_recipients, spam_messages) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE external_recipients = external_recipients + VALUES(external_recipients), "
                + "internal_recipients = internal_recipients + VALUES(internal_recipients), "
                + "spam_messages = spam_messages + VALUES(spam_messages)", minutes);
        sql.batch("INSERT INTO sending_day (tenant_id, address, utc_day, recipients) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE recipients = recipients + VALUES(recipients)", days);
    }

    static long minute(Instant instant) {
        return instant.getEpochSecond() / 60;
    }
}
