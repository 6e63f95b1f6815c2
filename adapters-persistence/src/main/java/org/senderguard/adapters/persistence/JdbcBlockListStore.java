package org.senderguard.adapters.persistence;

import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListingKeys;
import org.senderguard.domain.common.Sha256;
import org.senderguard.domain.tenant.TenantId;

/** Block-list entries in one table for all lists; removals are kept a day for instances catching up. */
@Singleton
class JdbcBlockListStore implements BlockListStore {

    private static final String SERVICE = "service";
    /** Values per IN list. */
    private static final int ROWS_PER_STATEMENT = 500;
    /** Up to how many entries per imported value a list is read whole by an import. */
    private static final int WHOLE_LIST_READ = 4;
    /** Rows per INSERT statement of an import where LOAD DATA is not available, and statements per batch. */
    private static final int ROWS_PER_INSERT = 100;
    private static final int INSERTS_PER_BATCH = 20;
    private static final String COLUMNS = "id, tenant_id, list_key, entry_type, entry_value, value_hash, value_prefix, "
            + "reason, source, created_by, created_at, expires_at, notes, delistable, version, ip_exceptions";
    private static final int ARITY = 16;
    private static final String ACTIVE = "(expires_at IS NULL OR expires_at > ?)";

    private final Sql sql;
    private final Clock clock;

    JdbcBlockListStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    @Override
    public long beginChange() {
        long next = sql.one("SELECT version FROM block_list_version WHERE id = 1 FOR UPDATE", rs -> rs.getLong(1))
                .orElseThrow() + 1;
        sql.update("UPDATE block_list_version SET version = ? WHERE id = 1", next);
        return next;
    }

    @Override
    public void insert(Collection<BlockListEntry> entries, long version) {
        sql.batch("INSERT INTO block_list_entry (" + COLUMNS + ") VALUES " + Sql.rows(1, ARITY),
                entries.stream().map(entry -> row(entry, entry.id(), ValueKey.of(entry.value()), version)).toList());
    }

    /**
     * Written in the order of the values' keys under ids ascending in that order, so that the
     * indexes grow in one sweep each instead of at a million random places: once they outgrow the
     * database's memory, that is the difference between reading index pages from disk for every
     * row and writing each page about once.
     */
    @Override
    public Imported importEntries(List<BlockListEntry> entries, long version, Instant now) {
        if (entries.isEmpty()) {
            return new Imported(0, 0);
        }
        String list = listKey(entries.get(0).tenant());
        // Keyed and sorted on every core: the database is idle until the load begins.
        List<Keyed> sorted = entries.parallelStream().map(entry -> new Keyed(ValueKey.of(entry.value()), entry))
                .sorted(Comparator.comparing(Keyed::key)).toList();
        refuseRepeatedValues(sorted);
        waitForLongStatements();
        Map<ValueKey, Stored> stored = storedAmong(list, sorted);
        List<UUID> expired = new ArrayList<>();
        List<Keyed> fresh = new ArrayList<>();
        Map<Optional<Instant>, List<UUID>> extended = new HashMap<>();
        for (Keyed keyed : sorted) {
            Stored same = stored.get(keyed.key());
            Instant expiry = keyed.entry().expiresAt();
            if (same == null) {
                fresh.add(keyed);
            } else if (same.expiresAt() != null && !same.expiresAt().isAfter(now)) {
                expired.add(same.id());
                fresh.add(keyed);
            } else if (BlockListEntry.isLater(expiry, same.expiresAt())) {
                extended.computeIfAbsent(Optional.ofNullable(expiry), later -> new ArrayList<>()).add(same.id());
            }
        }
        delete(expired, version);
        extended.forEach((expiry, ids) -> extend(ids, expiry.orElse(null), version));
        AscendingIds ids = new AscendingIds(now);
        bulkInsert(fresh.stream().map(keyed -> row(keyed.entry(), ids.next(), keyed.key(), version)).iterator(),
                fresh.size());
        return new Imported(fresh.size(), extended.values().stream().mapToLong(List::size).sum());
    }

    /**
     * An import's statements (reading the list whole, LOAD DATA, the commit) take as long as its size
     * makes them, beyond the read timeout of a CLI command ({@link DatabaseTimeouts}): on MariaDB the
     * transaction's connection waits for them, until the pool takes it back and resets it.
     */
    private void waitForLongStatements() {
        sql.withConnection("lifting the read timeout for the import", connection -> {
            if (connection.isWrapperFor(org.mariadb.jdbc.Connection.class)) {
                connection.setNetworkTimeout(Runnable::run, 0);
            }
            return null;
        });
    }

    /** Gives the entries a later expiry (null: never) under {@code version}, so that every server re-reads them. */
    private void extend(List<UUID> entries, Instant expiresAt, long version) {
        for (List<UUID> chunk : chunks(entries)) {
            List<Object> params = new ArrayList<>(Arrays.asList(expiresAt, version));
            chunk.forEach(id -> params.add(id.toString()));
            sql.update("UPDATE block_list_entry SET expires_at = ?, version = ? WHERE id IN "
                    + Sql.rows(1, chunk.size()), params.toArray());
        }
    }

    /**
     * The list's entries with one of the sorted entries' values. A list of up to four times as many
     * entries as the import is read whole, in one query, and the rows whose key is the import's are
     * kept; a bigger one is asked for the import's keys, 500 at a time. Into a list of a few
     * entries, a million values asked for took MariaDB 2,000 queries and several seconds; asked for
     * as row values of whole keys (which MariaDB's range optimiser takes slowly, but H2 answers from
     * the index only when given the whole key), a re-import of a million values into a list of two
     * million took 21 s, against 13.9 s with the list read whole.
     */
    private Map<ValueKey, Stored> storedAmong(String list, List<Keyed> sorted) {
        List<ValueKey> keys = sorted.stream().map(Keyed::key).toList();
        Map<ValueKey, Stored> stored = new HashMap<>();
        long readWhole = (long) WHOLE_LIST_READ * keys.size();
        long held = sql.one("SELECT COUNT(*) FROM (SELECT 1 FROM block_list_entry WHERE list_key = ? LIMIT ?) held",
                rs -> rs.getLong(1), list, readWhole + 1).orElseThrow();
        String select = "SELECT id, value_prefix, value_hash, expires_at FROM block_list_entry WHERE ";
        if (held <= readWhole) {
            sql.forEach(select + "list_key = ?", JdbcBlockListStore::stored, row -> {
                if (Collections.binarySearch(keys, row.key()) >= 0) {
                    stored.put(row.key(), row);
                }
            }, list);
            return stored;
        }
        for (List<ValueKey> chunk : chunks(keys)) {
            sql.forEach(select + keysIn(chunk.size()), JdbcBlockListStore::stored, row -> stored.put(row.key(), row),
                    keyParams(List.of(list), chunk).toArray());
        }
        return stored;
    }

    /**
     * Two rows of one value would meet the unique key in the load, but a load into an empty table
     * meets it only at its end, where MariaDB reports a failed commit: they are refused here as the
     * key refuses them, as a clash (sorted by key, such rows are neighbours).
     */
    private static void refuseRepeatedValues(List<Keyed> sorted) {
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).key().equals(sorted.get(i - 1).key())) {
                String clash = "the import lists " + sorted.get(i).entry().value().value() + " twice";
                throw new DataAccessException(clash, new SQLException(clash, LocalInfile.INTEGRITY_VIOLATION));
            }
        }
    }

    /** LOAD DATA on MariaDB; elsewhere INSERTs of many rows each, sent in batches. */
    private void bulkInsert(Iterator<Object[]> rows, long count) {
        if (sql.withConnection("checking for LOAD DATA", LocalInfile::supports)) {
            sql.withConnection("LOAD DATA into block_list_entry", connection -> {
                LocalInfile.load(connection, "block_list_entry", COLUMNS, rows, count);
                return null;
            });
            return;
        }
        String insert = "INSERT INTO block_list_entry (" + COLUMNS + ") VALUES ";
        String full = insert + Sql.rows(ROWS_PER_INSERT, ARITY);
        List<Object[]> batch = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        while (rows.hasNext()) {
            params.addAll(Arrays.asList(rows.next()));
            if (params.size() == ROWS_PER_INSERT * ARITY) {
                batch.add(params.toArray());
                params.clear();
                if (batch.size() == INSERTS_PER_BATCH) {
                    sql.batch(full, batch);
                    batch.clear();
                }
            }
        }
        sql.batch(full, batch);
        if (!params.isEmpty()) {
            sql.update(insert + Sql.rows(params.size() / ARITY, ARITY), params.toArray());
        }
    }

    @Override
    public void delete(Collection<UUID> ids, long version) {
        Instant now = clock.instant();
        for (List<UUID> chunk : chunks(ids)) {
            List<Object> removals = new ArrayList<>();
            chunk.forEach(id -> removals.addAll(List.of(version, id.toString(), now)));
            sql.update("INSERT INTO block_list_removal (version, entry_id, removed_at) VALUES "
                    + Sql.rows(chunk.size(), 3), removals.toArray());
            sql.update("DELETE FROM block_list_entry WHERE id IN " + Sql.rows(1, chunk.size()),
                    chunk.stream().map(UUID::toString).toArray());
        }
    }

    @Override
    public void saveExceptions(BlockListEntry entry, long version) {
        sql.update("UPDATE block_list_entry SET ip_exceptions = ?, version = ? WHERE id = ?", exceptions(entry),
                version, entry.id().toString());
    }

    @Override
    public Optional<BlockListEntry> findById(UUID id) {
        return sql.one("SELECT * FROM block_list_entry WHERE id = ?", JdbcBlockListStore::entry, id.toString());
    }

    @Override
    public List<BlockListEntry> findByValues(TenantId tenant, Collection<BlockedValue> values) {
        List<BlockListEntry> found = new ArrayList<>();
        for (List<BlockedValue> chunk : chunks(values)) {
            sql.forEach("SELECT * FROM block_list_entry WHERE " + keysIn(chunk.size()), JdbcBlockListStore::entry,
                    found::add, keyParams(List.of(listKey(tenant)), chunk.stream().map(ValueKey::of).toList()).toArray());
        }
        return found;
    }

    @Override
    public List<BlockListEntry> findActiveByKeys(TenantId tenant, Collection<ListingKeys.Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return List.of();
        }
        List<String> lists = tenant == null ? List.of(SERVICE) : List.of(SERVICE, listKey(tenant));
        List<Object> params = keyParams(lists, keys.stream().map(key -> ValueKey.of(key.type(), key.value())).toList());
        params.add(now);
        return sql.list("SELECT * FROM block_list_entry WHERE " + keysIn(lists.size() * keys.size()) + " AND "
                + ACTIVE, JdbcBlockListStore::entry, params.toArray());
    }

    @Override
    public int countActive(TenantId tenant, EntryType type, Instant now) {
        return sql.one("SELECT COUNT(*) FROM block_list_entry WHERE list_key = ? AND entry_type = ? AND " + ACTIVE,
                rs -> rs.getInt(1), listKey(tenant), type, now).orElse(0);
    }

    @Override
    public EntryPage page(BlockListQuery query, Long from, int limit, Instant now) {
        StringBuilder where = new StringBuilder("list_key = ? AND " + ACTIVE);
        List<Object> params = new ArrayList<>(List.of(listKey(query.tenant()), now));
        if (query.type() != null) {
            where.append(" AND entry_type = ?");
            params.add(query.type());
        }
        if (!query.prefix().isEmpty()) {
            where.append(" AND value_prefix LIKE ? ESCAPE '!'");
            params.add(Sql.likePrefix(query.prefix()));
        }
        if (from != null) {
            where.append(" AND seq < ?");
            params.add(from);
        }
        params.add(limit + 1); // one more, to know whether there is a next page
        List<Sequenced> found = sql.list("SELECT * FROM block_list_entry WHERE " + where + " ORDER BY seq DESC LIMIT ?",
                rs -> new Sequenced(rs.getLong("seq"), entry(rs)), params.toArray());
        List<Sequenced> shown = found.subList(0, Math.min(limit, found.size()));
        return new EntryPage(shown.stream().map(Sequenced::entry).toList(),
                found.size() > limit ? shown.get(shown.size() - 1).seq() : null);
    }

    /** An entry and its place in the order of insertion. */
    private record Sequenced(long seq, BlockListEntry entry) {
    }

    @Override
    public long changesSince(long since, Consumer<BlockListEntry> upserted, Consumer<UUID> removed) {
        long current = sql.one("SELECT version FROM block_list_version WHERE id = 1", rs -> rs.getLong(1))
                .orElseThrow();
        if (current > since) {
            // In no particular order: each entry is one row, so the order they are applied in does not
            // matter, and sorting a whole list (a start without a snapshot) would cost MariaDB a filesort.
            sql.forEach("SELECT * FROM block_list_entry WHERE version > ? AND version <= ?",
                    JdbcBlockListStore::entry, upserted, since, current);
            sql.forEach("SELECT entry_id FROM block_list_removal WHERE version > ? AND version <= ?",
                    rs -> UUID.fromString(rs.getString(1)), removed, since, current);
        }
        return current;
    }

    @Override
    public void forEachActiveServiceEntry(Instant now, Consumer<BlockListEntry> sink) {
        sql.forEach("SELECT * FROM block_list_entry WHERE list_key = ? AND " + ACTIVE + " ORDER BY seq",
                JdbcBlockListStore::entry, sink, SERVICE, now);
    }

    /** Expired entries, oldest expiry first, at most {@code limit}: what housekeeping removes. */
    List<UUID> expired(Instant now, int limit) {
        return sql.list("SELECT id FROM block_list_entry WHERE expires_at <= ? ORDER BY expires_at LIMIT ?",
                rs -> UUID.fromString(rs.getString(1)), now, limit);
    }

    /**
     * A stored entry. Its value is taken as stored, not checked again: only checked values are
     * written, and one stored under rules that have changed since (a public-suffix list that now
     * names its URL's host, say) still matches what it matched, where refusing it would stop every
     * server's change feed at that row.
     */
    private static BlockListEntry entry(ResultSet rs) throws SQLException {
        String tenant = rs.getString("tenant_id");
        String exceptions = rs.getString("ip_exceptions");
        return new BlockListEntry(UUID.fromString(rs.getString("id")), tenant == null ? null : TenantId.of(tenant),
                BlockedValue.ofChecked(EntryType.valueOf(rs.getString("entry_type")), rs.getString("entry_value")),
                rs.getString("reason"), EntrySource.valueOf(rs.getString("source")), rs.getString("created_by"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"), rs.getString("notes"),
                rs.getBoolean("delistable"), exceptions == null || exceptions.isBlank() ? Set.of()
                : new HashSet<>(Arrays.asList(exceptions.strip().split("\\s+"))));
    }

    /** Space-separated, null when there are none. */
    private static String exceptions(BlockListEntry entry) {
        return entry.exceptions().isEmpty() ? null : String.join(" ", entry.exceptions());
    }

    /** Values by their lists and keys, the unique index's columns in its order: {@code count} row values. */
    private static String keysIn(int count) {
        return "(list_key, value_prefix, value_hash) IN (" + Sql.rows(count, 3) + ")";
    }

    /** The parameters of {@link #keysIn}: every key in every list. */
    private static List<Object> keyParams(List<String> lists, List<ValueKey> keys) {
        List<Object> params = new ArrayList<>(lists.size() * keys.size() * 3);
        for (String list : lists) {
            keys.forEach(key -> params.addAll(List.of(list, key.prefix(), key.hash())));
        }
        return params;
    }

    private static String listKey(TenantId tenant) {
        return tenant == null ? SERVICE : tenant.toString();
    }

    /** The entry's columns, in the order of {@link #COLUMNS}, under {@code id}. */
    private static Object[] row(BlockListEntry entry, UUID id, ValueKey key, long version) {
        return new Object[] {id.toString(), entry.tenant() == null ? null : entry.tenant().toString(),
                listKey(entry.tenant()), entry.type(), entry.value().value(), key.hash(), key.prefix(), entry.reason(),
                entry.source(), entry.createdBy(), entry.createdAt(), entry.expiresAt(), entry.notes(),
                entry.delistable(), version, exceptions(entry)};
    }

    /**
     * What a value is found by in its list, in the order of the unique index after the list: the
     * start of the value in lower case, for prefix filters, and the SHA-256 of type and value, as
     * values are too long for a key of their own. Sorting by prefix first lets an import sweep the
     * one index for both.
     */
    private record ValueKey(String prefix, String hash) implements Comparable<ValueKey> {

        static ValueKey of(BlockedValue value) {
            return of(value.type(), value.value());
        }

        static ValueKey of(EntryType type, String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return new ValueKey(lower.length() <= 190 ? lower : lower.substring(0, 190), Sha256.hex(type + ":" + value));
        }

        @Override
        public int compareTo(ValueKey other) {
            int byPrefix = prefix.compareTo(other.prefix);
            return byPrefix != 0 ? byPrefix : hash.compareTo(other.hash);
        }
    }

    /** An entry with the key it is stored under. */
    private record Keyed(ValueKey key, BlockListEntry entry) {
    }

    /** What an import needs to know of a stored entry with one of its values. */
    private record Stored(UUID id, ValueKey key, Instant expiresAt) {
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(UUID.fromString(rs.getString("id")),
                new ValueKey(rs.getString("value_prefix"), rs.getString("value_hash")), Sql.instant(rs, "expires_at"));
    }

    private static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += ROWS_PER_STATEMENT) {
            chunks.add(all.subList(i, Math.min(all.size(), i + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }
}
