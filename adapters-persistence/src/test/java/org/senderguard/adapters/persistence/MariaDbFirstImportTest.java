package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;

/**
 * The first import into a fresh database meets an empty table, which MariaDB loads in bulk (each
 * index sorted once, the table locked until the commit): still all or nothing, and the connection
 * goes back to the pool with its checks on.
 */
@RequiresMariaDb
class MariaDbFirstImportTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void aFirstImportIntoTheEmptyTableIsAllOrNothingAndLocksTheTableUntilItCommits() {
        try (MariaDbTestDatabase database = MariaDbTestDatabase.create();
             ApplicationContext context = PersistenceContext.start(database.settings())) {
            BlockListStore store = context.getBean(BlockListStore.class);
            UnitOfWork unitOfWork = context.getBean(UnitOfWork.class);
            Sql sql = context.getBean(Sql.class);
            List<BlockListEntry> rows = entries("10.1", 3_000);

            List<BlockListEntry> failing = new ArrayList<>(rows);
            BlockListEntry refused = failing.get(2_500);
            failing.set(2_500, new BlockListEntry(refused.id(), null, refused.value(), "x".repeat(1_001),
                    EntrySource.MANUAL, "operator:test", now, null, null, true));
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> store.importEntries(failing, store.beginChange(), now)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(count(sql)).as("a row refused far into the load undoes it all").isZero();

            unitOfWork.inTransaction(() -> {
                assertThat(store.importEntries(rows, store.beginChange(), now).added()).isEqualTo(rows.size());
                assertThat(sql.one("SELECT @@unique_checks + @@foreign_key_checks", rs -> rs.getInt(1)))
                        .as("both checks on again").contains(2);
                assertThat(insertFromAnotherConnection(database, "192.0.2.1"))
                        .as("loaded in bulk: the table is locked until the commit").contains("Lock wait timeout");
                return null;
            });
            assertThat(count(sql)).isEqualTo(rows.size());
            assertThat(store.findByValues(null, rows.stream().map(BlockListEntry::value).toList())).hasSize(rows.size());

            List<BlockListEntry> more = entries("10.2", 1_000);
            unitOfWork.inTransaction(() -> {
                assertThat(store.importEntries(more, store.beginChange(), now).added()).isEqualTo(more.size());
                assertThat(insertFromAnotherConnection(database, "192.0.2.2"))
                        .as("into a table that holds rows: row by row, nothing else locked").isEqualTo("inserted");
                return null;
            });
            assertThat(count(sql)).isEqualTo(rows.size() + more.size() + 1);
        }
    }

    private List<BlockListEntry> entries(String network, int count) {
        List<BlockListEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(new BlockListEntry(UUID.randomUUID(), null,
                    BlockedValue.parse(EntryType.IP, network + "." + i / 256 + "." + i % 256), "a reason",
                    EntrySource.MANUAL, "operator:test", now, null, null, true));
        }
        return entries;
    }

    private static long count(Sql sql) {
        return sql.one("SELECT COUNT(*) FROM block_list_entry", rs -> rs.getLong(1)).orElseThrow();
    }

    /** An entry written by another session that waits at most a second for locks: "inserted", or the error. */
    private static String insertFromAnotherConnection(MariaDbTestDatabase database, String ip) {
        try (Connection connection = DriverManager.getConnection(database.settings().url(), database.settings().user(),
                database.settings().password()); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION innodb_lock_wait_timeout = 1");
            statement.execute("INSERT INTO block_list_entry (id, list_key, entry_type, entry_value, value_hash,"
                    + " value_prefix, reason, source, created_by, created_at, delistable, version) VALUES ('"
                    + UUID.randomUUID() + "', 'service', 'IP', '" + ip + "', SHA2('IP:" + ip + "', 256), '" + ip
                    + "', 'another session', 'MANUAL', 'operator:test', NOW(6), 1, 0)");
            return "inserted";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }
}
