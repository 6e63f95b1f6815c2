package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.BlockListFeed;
import org.senderguard.application.port.out.BlockListSnapshots;
import org.senderguard.application.port.out.BlockListSnapshots.ListSnapshot;
import org.senderguard.application.port.out.BlockListSnapshots.Snapshot;
import org.senderguard.application.port.out.BlockListSnapshots.Stored;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.application.service.BlockLists;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.tenant.TenantId;

/**
 * Lists loaded from a snapshot and the change feed after it equal lists loaded from the database;
 * a snapshot that is damaged or cannot be caught up is never used. On the embedded database and
 * on MariaDB (the subclasses).
 */
abstract class BlockListSnapshotTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Map<EntryType, List<String>> VALUES = Map.of(
            EntryType.IP, List.of("198.51.100.7", "198.51.100.0/24", "2001:db8::/32", "203.0.113.9"),
            EntryType.SENDER, List.of("spam@bad.example", "x@contoso.com"),
            EntryType.DOMAIN, List.of("bad.example", "*.contoso.com"),
            EntryType.URL, List.of("x.bad-example.net/p", "bad.example"));
    private static final Map<String, String> EXCEPTIONS = Map.of("198.51.100.0/24", "198.51.100.9",
            "2001:db8::/32", "2001:db8::1");
    private static final List<Probe> PROBES = List.of("198.51.100.7", "198.51.100.9", "198.51.100.10", "2001:db8::1",
            "2001:db8::2", "203.0.113.9", "spam@bad.example", "x@contoso.com", "a@mail.contoso.com", "bad.example",
            "http://x.bad-example.net/p/q", "http://bad.example/").stream().map(Probe::parse).toList();
    private static final List<TenantId> TENANTS = List.of(TenantId.newId(), TenantId.newId());
    private static final Map<Class<?>, Database> DATABASES = new HashMap<>();

    /** A fresh database; dropped as the tests' JVM ends. */
    abstract DatabaseSettings newDatabase();

    /** One change of the lists: the list (0: service, 1-2: a tenant's), what it does, and picks. */
    record Change(int list, int kind, int pick, int value) {
    }

    @Property(tries = 25)
    void listsFromASnapshotAndTheFeedEqualListsFromTheDatabase(@ForAll("changes") List<Change> before,
                                                                @ForAll("changes") List<Change> after) {
        Database db = database();
        apply(db, before);
        Path dir = newDirectory();
        BlockLists writer = db.lists(new FileBlockListSnapshots(dir));
        writer.load();
        writer.saveSnapshot();
        apply(db, after);
        apply(db, List.of(new Change(0, 0, 0, 0)));

        Captured fromSnapshot = new Captured(new FileBlockListSnapshots(dir));
        BlockLists restored = db.lists(fromSnapshot);
        restored.load();
        assertThat(fromSnapshot.read).as("the snapshot was used").isTrue();
        assertEqual(restored, fromSnapshot, db);
    }

    @Test
    void aDamagedSnapshotIsNotUsed() throws IOException {
        Database db = database();
        apply(db, List.of(new Change(0, 0, 0, 0), new Change(1, 0, 1, 1)));
        Path dir = newDirectory();
        BlockLists writer = db.lists(new FileBlockListSnapshots(dir));
        writer.load();
        writer.saveSnapshot();
        Path file = dir.resolve(FileBlockListSnapshots.FILE);
        byte[] good = Files.readAllBytes(file);

        for (Consumer<byte[]> damage : List.<Consumer<byte[]>>of(bytes -> bytes[bytes.length / 2] ^= 0x20,
                bytes -> bytes[7] = 9)) {
            byte[] damaged = good.clone();
            damage.accept(damaged);
            Files.write(file, damaged);
            assertNotUsed(db, dir);
        }
        Files.write(file, java.util.Arrays.copyOf(good, good.length - 5));
        assertNotUsed(db, dir);
    }

    @Test
    void aSnapshotOfAnotherDatabaseOrAheadOfTheDatabaseIsNotUsed() {
        Database db = database();
        apply(db, List.of(new Change(0, 0, 0, 0)));
        BlockListFeed.Position position = db.feed.position();
        ListedEntry phantom = new ListedEntry(UUID.randomUUID(), BlockedValue.of(EntryType.IP, "192.0.2.1"), null,
                true, Set.of());
        List<ListSnapshot> lists = List.of(new ListSnapshot(null, List.of(phantom)));

        Path dir = newDirectory();
        FileBlockListSnapshots file = new FileBlockListSnapshots(dir);
        file.write(new Snapshot(UUID.randomUUID().toString(), position.version(), lists));
        assertNotUsed(db, dir);
        file.write(new Snapshot(position.databaseId(), position.version() + 1, lists));
        assertNotUsed(db, dir);
        String renewed = db.feed.position().databaseId();
        assertThat(renewed).as("a database behind a snapshot of its own was restored: a new identity")
                .isNotEqualTo(position.databaseId());
        file.write(new Snapshot(renewed, position.version(), lists));
        assertThat(db.lists(file).service(Probe.parse("192.0.2.1"), NOW)).as("the same snapshot, current")
                .extracting(ListedEntry::id).containsExactly(phantom.id());
    }

    /** A server that fell behind the removals the feed remembers reads the lists again rather than keep removed entries. */
    @Test
    void aServerBehindTheRememberedRemovalsReadsTheListsAgain() {
        Database db = database();
        addDomain(db, "kept-" + UUID.randomUUID() + ".example");
        UUID removed = addDomain(db, "removed-" + UUID.randomUUID() + ".example");
        Captured captured = new Captured(BlockListSnapshots.NONE);
        BlockLists server = db.lists(captured);
        server.load();
        db.unitOfWork.inTransaction(() -> {
            db.store.delete(List.of(removed), db.store.beginChange());
            return null;
        });
        db.context.getBean(Housekeeping.class).purge(Instant.now().plus(Duration.ofDays(2)));
        assertThat(db.feed.position().prunedThrough()).isGreaterThan(server.version());

        server.refresh();
        assertEqual(server, captured, db);
    }

    /**
     * A database restored from a backup behind a running server: the server reads the lists again,
     * and the database gets a new identity, so that a snapshot of the lost changes is not trusted
     * even once the database has handed out their versions again.
     */
    @Test
    void aDatabaseRestoredBehindAServerGetsANewIdentityAndTheListsAreReadAgain() {
        Database db = database();
        addDomain(db, "before-" + UUID.randomUUID() + ".example");
        Captured captured = new Captured(BlockListSnapshots.NONE);
        BlockLists server = db.lists(captured);
        server.load();
        BlockListFeed.Position backup = db.feed.position();
        String lost = "lost-" + UUID.randomUUID() + ".example";
        addDomain(db, lost);
        server.refresh();
        Path dir = newDirectory();
        BlockLists writer = db.lists(new FileBlockListSnapshots(dir));
        writer.load();
        writer.saveSnapshot();
        assertThat(server.service(Probe.parse(lost), NOW)).isNotEmpty();

        Sql sql = db.context.getBean(Sql.class);
        sql.update("DELETE FROM block_list_entry WHERE version > ?", backup.version());
        sql.update("DELETE FROM block_list_removal WHERE version > ?", backup.version());
        sql.update("UPDATE block_list_version SET version = ? WHERE id = 1", backup.version());
        server.refresh();
        assertThat(db.feed.position().databaseId()).isNotEqualTo(backup.databaseId());
        assertThat(server.service(Probe.parse(lost), NOW)).as("gone with the restore").isEmpty();
        assertEqual(server, captured, db);

        addDomain(db, "after-" + UUID.randomUUID() + ".example");
        addDomain(db, "later-" + UUID.randomUUID() + ".example");
        assertThat(db.feed.position().version()).isGreaterThan(writer.version());
        assertNotUsed(db, dir);
    }

    /**
     * A server reading its lists again (another server gave the database a new identity) answers
     * from the lists as they were until the new ones are complete, and a read that fails half-way
     * leaves them as they were and is done again by the next refresh: never a partial list.
     */
    @Test
    void listsReadAgainReplaceTheOldOnesOnlyWhenCompleteAndAFailedReadIsDoneAgain() {
        Database db = database();
        String kept = "kept-" + UUID.randomUUID() + ".example";
        addDomain(db, kept);
        addDomain(db, "other-" + UUID.randomUUID() + ".example");
        AtomicReference<Runnable> betweenEntries = new AtomicReference<>(() -> { });
        Captured captured = new Captured(BlockListSnapshots.NONE);
        BlockLists server = new BlockLists(readingWholeWith(db.store, betweenEntries), db.feed, captured,
                Duration.ofSeconds(1), ChangeFeedMeter.NONE);
        server.load();

        db.feed.renewIdentity(db.feed.position().databaseId());
        List<Integer> answered = new ArrayList<>();
        betweenEntries.set(() -> answered.add(server.service(Probe.parse(kept), NOW).size()));
        server.refresh();
        assertThat(answered).as("answers while the lists were read again").hasSizeGreaterThan(1).containsOnly(1);

        db.feed.renewIdentity(db.feed.position().databaseId());
        AtomicInteger read = new AtomicInteger();
        betweenEntries.set(() -> {
            if (read.incrementAndGet() == 2) {
                throw new IllegalStateException("connection lost");
            }
        });
        assertThatThrownBy(server::refresh).hasMessage("connection lost");
        assertThat(server.service(Probe.parse(kept), NOW)).as("the lists as they were").hasSize(1);
        betweenEntries.set(() -> { });
        server.refresh();
        assertEqual(server, captured, db);
        assertThat(captured.written.databaseId()).isEqualTo(db.feed.position().databaseId());
    }

    /** The store, with {@code betweenEntries} run before each entry of a read of the whole lists. */
    private static BlockListStore readingWholeWith(BlockListStore store, AtomicReference<Runnable> betweenEntries) {
        return (BlockListStore) Proxy.newProxyInstance(BlockListStore.class.getClassLoader(),
                new Class<?>[] {BlockListStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("changesSince") && (long) args[0] == 0) {
                        @SuppressWarnings("unchecked")
                        Consumer<BlockListEntry> upserted = (Consumer<BlockListEntry>) args[1];
                        args[1] = (Consumer<BlockListEntry>) entry -> {
                            betweenEntries.get().run();
                            upserted.accept(entry);
                        };
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * A value stored under rules that changed since (here: a URL whose host a newer public-suffix
     * list names) is loaded and followed as stored, rather than stopping the change feed.
     */
    @Test
    void aStoredValueThatNewerRulesRefuseStillLoadsAndMatches() {
        Database db = database();
        UUID id = addDomain(db, "stored-" + UUID.randomUUID() + ".example");
        db.context.getBean(Sql.class).update("UPDATE block_list_entry SET entry_type = 'URL', entry_value = ? "
                + "WHERE id = ?", "co.uk/old-rules", id.toString());
        assertThatThrownBy(() -> BlockedValue.parse(EntryType.URL, "co.uk/old-rules"))
                .as("refused as new input").hasMessageContaining("public suffix");
        BlockLists lists = db.lists(BlockListSnapshots.NONE);
        lists.load();
        assertThat(lists.service(Probe.parse("http://co.uk/old-rules/page"), NOW)).extracting(ListedEntry::id)
                .containsExactly(id);
        addDomain(db, "next-" + UUID.randomUUID() + ".example");
        lists.refresh();
        assertThat(lists.version()).as("the feed goes on").isEqualTo(db.feed.position().version());
    }

    /** Adds a never-expiring domain entry to the service list under a version of its own. */
    private static UUID addDomain(Database db, String domain) {
        UUID id = UUID.randomUUID();
        db.unitOfWork.inTransaction(() -> {
            db.store.insert(List.of(new BlockListEntry(id, null, BlockedValue.of(EntryType.DOMAIN, domain), "test",
                    EntrySource.MANUAL, "test", NOW, null, null, true)), db.store.beginChange());
            return null;
        });
        return id;
    }

    @Test
    void aSnapshotOlderThanTheRememberedRemovalsIsNotUsed() {
        Database db = database();
        apply(db, List.of(new Change(0, 0, 0, 0), new Change(0, 0, 1, 3)));
        Path dir = newDirectory();
        BlockLists writer = db.lists(new FileBlockListSnapshots(dir));
        writer.load();
        writer.saveSnapshot();
        apply(db, List.of(new Change(0, 1, 0, 0)));
        db.context.getBean(Housekeeping.class).purge(Instant.now().plus(Duration.ofDays(2)));
        assertThat(db.feed.position().prunedThrough()).isGreaterThan(writer.version());
        assertNotUsed(db, dir);
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Change> change = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(0, 50)).as(Change::new);
        return change.list().ofMaxSize(12);
    }

    private void assertNotUsed(Database db, Path dir) {
        Captured captured = new Captured(new FileBlockListSnapshots(dir));
        BlockLists lists = db.lists(captured);
        lists.load();
        assertEqual(lists, captured, db);
    }

    /** The lists hold what the database holds, entry for entry, and match every probe the same. */
    private static void assertEqual(BlockLists lists, Captured captured, Database db) {
        Captured fromDatabase = new Captured(BlockListSnapshots.NONE);
        BlockLists reference = db.lists(fromDatabase);
        reference.load();
        lists.saveSnapshot();
        reference.saveSnapshot();
        assertThat(contents(captured.written)).isEqualTo(contents(fromDatabase.written));
        for (Probe probe : PROBES) {
            assertThat(ids(lists.service(probe, NOW))).as(probe.value()).isEqualTo(ids(reference.service(probe, NOW)));
            for (TenantId tenant : TENANTS) {
                assertThat(ids(lists.tenant(tenant, probe, NOW))).isEqualTo(ids(reference.tenant(tenant, probe, NOW)));
            }
        }
    }

    private static Map<TenantId, Set<ListedEntry>> contents(Snapshot snapshot) {
        Map<TenantId, Set<ListedEntry>> contents = new HashMap<>();
        snapshot.lists().stream().filter(list -> !list.entries().isEmpty()).forEach(list ->
                contents.put(list.tenant() == null ? new TenantId(new UUID(0, 0)) : list.tenant(),
                        new HashSet<>(list.entries())));
        return contents;
    }

    private static Set<UUID> ids(List<ListedEntry> entries) {
        return entries.stream().map(ListedEntry::id).collect(Collectors.toSet());
    }

    /**
     * Applies the changes, each under a version of its own: kind 0 adds a value (unless the list has
     * it), 1 removes an entry, 2 replaces an entry by another value, 3 excepts an address from a range.
     */
    private static void apply(Database db, List<Change> changes) {
        for (Change change : changes) {
            TenantId tenant = change.list() == 0 ? null : TENANTS.get(change.list() - 1);
            List<BlockListEntry> current = db.entries(tenant);
            db.unitOfWork.inTransaction(() -> {
                long version = db.store.beginChange();
                BlockListEntry target = current.isEmpty() ? null : current.get(change.pick() % current.size());
                switch (change.kind()) {
                    case 0 -> add(db, tenant, current, change.value(), version);
                    case 1, 2 -> {
                        if (target != null) {
                            db.store.delete(List.of(target.id()), version);
                            if (change.kind() == 2) {
                                add(db, tenant, db.entries(tenant), change.value(), version);
                            }
                        }
                    }
                    default -> {
                        if (target != null && EXCEPTIONS.containsKey(target.value().value())) {
                            db.store.saveExceptions(target.withException(EXCEPTIONS.get(target.value().value())),
                                    version);
                        }
                    }
                }
                return null;
            });
        }
    }

    private static void add(Database db, TenantId tenant, List<BlockListEntry> current, int pick, long version) {
        EntryType type = EntryType.values()[pick % EntryType.values().length];
        List<String> values = VALUES.get(type);
        BlockedValue value = BlockedValue.of(type, values.get(pick % values.size()));
        if (current.stream().noneMatch(entry -> entry.value().equals(value))) {
            Instant expiresAt = pick % 3 == 0 ? null : NOW.plus(Duration.ofDays(pick % 3 == 1 ? 1 : -1));
            db.store.insert(List.of(new BlockListEntry(UUID.randomUUID(), tenant, value, "test", EntrySource.MANUAL,
                    "test", NOW, expiresAt, null, pick % 2 == 0)), version);
        }
    }

    private Database database() {
        synchronized (DATABASES) {
            return DATABASES.computeIfAbsent(getClass(), c -> new Database(PersistenceContext.start(newDatabase())));
        }
    }

    private static Path newDirectory() {
        try {
            return Files.createTempDirectory("senderguard-snapshot");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The adapter on one database, with the lists made from it. */
    private static final class Database {

        final ApplicationContext context;
        final BlockListStore store;
        final BlockListFeed feed;
        final UnitOfWork unitOfWork;

        Database(ApplicationContext context) {
            this.context = context;
            this.store = context.getBean(BlockListStore.class);
            this.feed = context.getBean(BlockListFeed.class);
            this.unitOfWork = context.getBean(UnitOfWork.class);
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }

        BlockLists lists(BlockListSnapshots snapshots) {
            return new BlockLists(store, feed, snapshots, Duration.ofSeconds(1), ChangeFeedMeter.NONE);
        }

        List<BlockListEntry> entries(TenantId tenant) {
            List<BlockListEntry> entries = new ArrayList<>();
            store.changesSince(0, entry -> {
                if (java.util.Objects.equals(entry.tenant(), tenant)) {
                    entries.add(entry);
                }
            }, id -> { });
            return entries;
        }
    }

    /** Reads from a snapshot store and keeps what is written instead of writing it. */
    private static final class Captured implements BlockListSnapshots {

        private final BlockListSnapshots source;
        boolean read;
        Snapshot written;

        Captured(BlockListSnapshots source) {
            this.source = source;
        }

        @Override
        public Optional<Stored> read() {
            Optional<Stored> snapshot = source.read();
            read = snapshot.isPresent();
            return snapshot;
        }

        @Override
        public void write(Snapshot snapshot) {
            written = snapshot;
        }
    }
}
