package org.senderguard.adapters.persistence;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import org.senderguard.application.port.out.SendingCounters;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.UtcDay;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.SendingUsage;
import org.senderguard.domain.tenant.TenantId;

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
    public SendingUsage usage(TenantId tenantId, EmailAddress sender, Instant now) {
        int[] hour = sql.one("SELECT COALESCE(SUM(external_recipients), 0), COALESCE(SUM(internal_recipients), 0), "
                        + "COALESCE(SUM(spam_messages), 0) FROM sending_minute "
                        + "WHERE tenant_id = ? AND address = ? AND epoch_minute > ? AND epoch_minute <= ?",
                rs -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)},
                tenantId.toString(), sender.value(), minute(now) - WINDOW_MINUTES, minute(now)).orElseThrow();
        int today = sql.one("SELECT recipients FROM sending_day WHERE tenant_id = ? AND address = ? AND utc_day = ?",
                rs -> rs.getInt(1), tenantId.toString(), sender.value(), UtcDay.of(now)).orElse(0);
        return new SendingUsage(hour[0], hour[1], today, hour[2]);
    }

    /** Callers hold the sender's lock, so update-then-insert cannot race with itself. */
    @Override
    public void add(TenantId tenantId, EmailAddress sender, MessageWeight weight, Instant now) {
        String tenant = tenantId.toString();
        long minute = minute(now);
        if (sql.update("UPDATE sending_minute SET external_recipients = external_recipients + ?, "
                + "internal_recipients = internal_recipients + ?, spam_messages = spam_messages + ? "
                + "WHERE tenant_id = ? AND address = ? AND epoch_minute = ?", weight.external(), weight.internal(),
                weight.spam(), tenant, sender.value(), minute) == 0) {
            sql.update("INSERT INTO sending_minute (tenant_id, address, epoch_minute, external_recipients, "
                    + "internal_recipients, spam_messages) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", tenant, sender.value(), minute, weight.external(),
                    weight.internal(), weight.spam());
        }
        int recipients = weight.external() + weight.internal();
        LocalDate day = UtcDay.of(now);
        if (sql.update("UPDATE sending_day SET recipients = recipients + ? WHERE tenant_id = ? AND address = ? "
                + "AND utc_day = ?", recipients, tenant, sender.value(), day) == 0) {
            sql.update("INSERT INTO sending_day (tenant_id, address, utc_day, recipients) VALUES (?, ?, ?, ?)", tenant,
                    sender.value(), day, recipients);
        }
    }

    static long minute(Instant instant) {
        return instant.getEpochSecond() / 60;
    }
}
