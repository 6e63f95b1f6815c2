package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Optional;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Limit;
import org.senderguard.domain.outbound.Restriction;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingTally;
import org.senderguard.domain.outbound.ThresholdAction;
import org.senderguard.domain.tenant.TenantId;

@Singleton
class JdbcSenderStatusRepository implements SenderStatusRepository {

    private static final String SELECT = "SELECT s.tenant_id, s.address, s.grace_until, s.limit_alert_day, "
            + "s.hour_counts, s.counted_day, s.day_recipients, r.reached_limit, r.reason, r.threshold_action, r.restricted_since, r.restricted_until FROM sender_status s "
            + "LEFT JOIN restriction r ON r.tenant_id = s.tenant_id AND r.address = s.address ";

    private final Sql sql;
    /**
     * Whether a locking read returns the joined restriction as of the lock (InnoDB) rather than as of
     * the statement's start, before any wait for the lock (H2 refreshes only the locked rows).
     */
    private final boolean lockingReadsJoinCurrentRows;

    JdbcSenderStatusRepository(Sql sql, @Property(name = "datasources.default.url") String url) {
        this.sql = sql;
        this.lockingReadsJoinCurrentRows = !DatabaseSettings.isH2(url);
    }

    /** A single sender may insert its row while locked: it holds no other lock to deadlock on. */
    @Override
    public SenderStatus lock(TenantId tenantId, EmailAddress address) {
        SenderKey key = new SenderKey(tenantId, address);
        SenderStatus stored = lockStored(List.of(key)).get(key);
        if (stored != null) {
            return stored;
        }
        addNew(List.of(key));
        return lockStored(List.of(key)).get(key);
    }

    /**
     * Takes the rows' exclusive locks and reads them (InnoDB takes the locks in index order, the
     * same for every locker): an INSERT IGNORE first would take shared locks on existing rows, and
     * transactions upgrading shared locks deadlock.
     */
    @Override
    public Map<SenderKey, SenderStatus> lockStored(Collection<SenderKey> senders) {
        return lockAndRead(new SenderKeys(new TreeSet<>(senders)));
    }

    /** INSERT IGNORE waits for a concurrent insert of the same sender instead of failing on it. */
    @Override
    public void addNew(Collection<SenderKey> senders) {
        Set<SenderKey> distinct = new TreeSet<>(senders);
        sql.update("INSERT IGNORE INTO sender_status (tenant_id, address) VALUES " + Sql.rows(distinct.size(), 2),
                new SenderKeys(distinct).params().toArray());
    }

    /**
     * One statement where the locking read is current; elsewhere the lock first, then a read that
     * starts after it and so sees what the lock's previous holder committed. That read covers only
     * the rows the lock found: a row whose insert commits between the two statements is not locked,
     * and is left out like a row not stored.
     */
    private Map<SenderKey, SenderStatus> lockAndRead(SenderKeys keys) {
        if (lockingReadsJoinCurrentRows) {
            return read(keys, " FOR UPDATE");
        }
        List<SenderKey> locked = sql.list("SELECT tenant_id, address FROM sender_status WHERE " + keys.in()
                + " FOR UPDATE", rs -> keys.of(rs.getString(1), rs.getString(2)), keys.params().toArray());
        return locked.isEmpty() ? new HashMap<>() : read(new SenderKeys(locked), "");
    }

    private Map<SenderKey, SenderStatus> read(SenderKeys keys, String lock) {
        Map<SenderKey, SenderStatus> statuses = new HashMap<>();
        sql.list(SELECT + "WHERE " + keys.in("s.") + lock, JdbcSenderStatusRepository::status, keys.params().toArray())
                .forEach(status -> statuses.put(new SenderKey(status.tenantId(), status.address()), status));
        return statuses;
    }

    @Override
    public Optional<SenderStatus> find(TenantId tenantId, EmailAddress address) {
        return sql.one(SELECT + "WHERE s.tenant_id = ? AND s.address = ?", JdbcSenderStatusRepository::status,
                tenantId.toString(), address.value());
    }

    @Override
    public void save(SenderStatus status) {
        String tenant = status.tenantId().toString();
        String address = status.address().value();
        sql.update("UPDATE sender_status SET grace_until = ?, limit_alert_day = ? WHERE tenant_id = ? AND address = ?",
                status.graceUntil(), status.limitAlertDay(), tenant, address);
        saveTallies(List.of(status));
        sql.update("DELETE FROM restriction WHERE tenant_id = ? AND address = ?", tenant, address);
        Restriction r = status.restriction();
        if (r != null) {
            sql.update("INSERT INTO restriction (tenant_id, address, reached_limit, reason, threshold_action, "
                    + "restricted_since, restricted_until) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant, address, r.limit(), r.reason(), r.action(),
                    r.since(), r.until());
        }
    }

    /**
     * One multi-row statement: a JDBC batch of UPDATEs would reach MariaDB as one statement per
     * sender. The rows exist and are locked, so the insert part never inserts.
     */
    @Override
    public void saveTallies(Collection<SenderStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>();
        for (SenderStatus status : statuses) {
            SendingTally tally = status.tally();
            params.addAll(Arrays.asList(status.tenantId().toString(), status.address().value(),
                    HourCounts.format(tally.minutes()), tally.day(), tally.dayRecipients()));
        }
        sql.update("INSERT INTO sender_status (tenant_id, address, hour_counts, counted_day, day_recipients) VALUES "
                + Sql.rows(statuses.size(), 5) + " ON DUPLICATE KEY UPDATE hour_counts = VALUES(hour_counts), "
                + "counted_day = VALUES(counted_day), day_recipients = VALUES(day_recipients)", params.toArray());
    }

    @Override
    public List<SenderStatus> findRestricted(TenantId tenantId, Instant now, String prefix, String after, int limit) {
        return sql.list(SELECT + "WHERE r.tenant_id = ? AND (r.restricted_until IS NULL OR r.restricted_until > ?) "
                        + "AND r.address LIKE ? ESCAPE '!' AND r.address > ? ORDER BY r.address LIMIT ?",
                JdbcSenderStatusRepository::status, tenantId.toString(), now, Sql.likePrefix(prefix), after, limit);
    }

    private static SenderStatus status(ResultSet rs) throws SQLException {
        String limit = rs.getString("reached_limit");
        Restriction restriction = limit == null ? null : new Restriction(Limit.valueOf(limit), rs.getString("reason"),
                ThresholdAction.valueOf(rs.getString("threshold_action")), Sql.instant(rs, "restricted_since"),
                Sql.instant(rs, "restricted_until"));
        SendingTally tally = new SendingTally(HourCounts.parse(rs.getString("hour_counts")),
                rs.getObject("counted_day", LocalDate.class), rs.getInt("day_recipients"));
        return new SenderStatus(TenantId.of(rs.getString("tenant_id")), EmailAddress.of(rs.getString("address")),
                restriction, Sql.instant(rs, "grace_until"), rs.getObject("limit_alert_day", LocalDate.class), tally);
    }
}
