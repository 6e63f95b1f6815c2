package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.senderguard.application.port.out.ProcessedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spares MariaDB most lookups of remembered decisions, so that its buffer pool need hold the
 * decisions of the last half minute or so rather than of the whole retention. A time partition
 * ({@link DecisionPartitions}) is sealed once its period ended long enough ago: decisions are saved
 * under the time their batch began, at most {@link ProcessedMessages#LATEST_SAVE} later, and
 * committed within the database timeout ({@code SENDERGUARD_DB_TIMEOUT}, 3 s by default), so nothing
 * more is written into it once both and {@link #CLOCK_SKEW} have passed: 15 s by default. Its keys
 * are then read once, and their 32-bit {@link Fingerprints} kept by generation (a quarter of the
 * retention, dropped whole once its partitions are). A lookup asks MariaDB only about the partitions
 * not sealed yet, the newest, whose pages are in the buffer pool since decisions are written there,
 * and about the sealed ones only for a key whose fingerprint they hold: a repeat, or a new message
 * by chance (about one in 2^32 per sealed decision of its generation). Each server seals for itself,
 * as it rotates the partitions: on its first rotation the newest sealable partition, then those
 * ending since and older ones, {@link #PER_RUN} per rotation each way; a partition not sealed yet is
 * asked about as before. The fingerprints take at most a quarter of the heap: past that, newer
 * partitions are left unsealed (and asked about) until older generations are dropped, with a
 * warning. Only on MariaDB; on the embedded database nothing is sealed.
 *
 * <p>A commit that lands after the seal (a database frozen mid-commit for longer than the seal's
 * margin) may be missed: a repeat of such a message is decided and counted again, never let off.
 */
@Singleton
class SealedDecisions {

    /** How far apart the servers' clocks may be (NTP keeps them within milliseconds). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(2);
    static final int PER_RUN = 8;
    private static final Logger LOG = LoggerFactory.getLogger(SealedDecisions.class);

    /** Decisions at or after {@code from} (null: however old) and before {@code until} are sealed; none when {@code until} is null. */
    record Coverage(Instant from, Instant until) {

        static final Coverage NONE = new Coverage(null, null);
    }

    /** What to ask MariaDB: the coverage, and the keys that the sealed partitions may hold. */
    record Lookup(Coverage coverage, List<byte[]> sealedCandidates) {
    }

    private final Sql sql;
    private final boolean mariaDb;
    private final long generationSeconds;
    private final Duration sealAfter;
    private final long heapBudget = Runtime.getRuntime().maxMemory() / 4;
    private boolean overBudget;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<Long, Fingerprints> generations = new TreeMap<>();
    /** The ends of the sealed partitions: a run of consecutive partitions. */
    private final NavigableSet<Instant> sealed = new TreeSet<>();
    /** The ends of all partitions of periods, as of the last rotation. */
    private NavigableSet<Instant> ends = new TreeSet<>();

    SealedDecisions(Sql sql, @Value("${datasources.default.url}") String url,
                    @Value("${senderguard.decision.retention:1h}") Duration retention,
                    @Value(DatabaseTimeouts.TIMEOUT) Duration databaseTimeout) {
        this.sql = sql;
        this.sealAfter = ProcessedMessages.LATEST_SAVE.plus(databaseTimeout).plus(CLOCK_SKEW);
        this.mariaDb = DatabaseSettings.isMariaDb(url);
        this.generationSeconds = Math.max(1, retention.toSeconds() / 4);
    }

    Lookup lookup(Collection<byte[]> keys) {
        lock.readLock().lock();
        try {
            if (sealed.isEmpty()) {
                return new Lookup(Coverage.NONE, List.of());
            }
            List<byte[]> candidates = new ArrayList<>();
            for (byte[] key : keys) {
                int fingerprint = Fingerprints.of(key);
                for (Fingerprints generation : generations.values()) {
                    if (generation.contains(fingerprint)) {
                        candidates.add(key);
                        break;
                    }
                }
            }
            return new Lookup(new Coverage(ends.lower(sealed.first()), sealed.last()), candidates);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Seals what ended long enough before {@code now}, given the partitions that exist now. */
    void seal(List<Instant> periodEnds, Instant now) {
        if (!mariaDb) {
            return;
        }
        forget(periodEnds);
        List<Instant> sealable = periodEnds.stream().filter(end -> !end.isAfter(now.minus(sealAfter))).toList();
        if (sealable.isEmpty()) {
            return;
        }
        Instant newest = newestSealed();
        List<Instant> forward = newest == null ? List.of(sealable.get(sealable.size() - 1))
                : sealable.stream().filter(end -> end.isAfter(newest)).limit(PER_RUN).toList();
        for (Instant end : forward) {
            if (!withinBudget()) {
                return;
            }
            sealOne(end);
        }
        for (int i = 0; i < PER_RUN && withinBudget(); i++) {
            Instant older = olderUnsealed();
            if (older == null) {
                return;
            }
            sealOne(older);
        }
    }

    /** Whether the fingerprints leave room for more; says so when that changes. */
    private boolean withinBudget() {
        long used;
        lock.readLock().lock();
        try {
            used = generations.values().stream().mapToLong(Fingerprints::bytes).sum();
        } finally {
            lock.readLock().unlock();
        }
        boolean over = used >= heapBudget;
        if (over != overBudget) {
            overBudget = over;
            if (over) {
                LOG.warn("The remembered decisions' fingerprints take {} MB, a quarter of the heap: newer decisions "
                        + "are looked up in MariaDB's partitions until older ones expire (give the server more heap "
                        + "or shorten SENDERGUARD_DECISION_RETENTION)", used >> 20);
            } else {
                LOG.info("The remembered decisions' fingerprints take {} MB again; sealing resumes", used >> 20);
            }
        }
        return !over;
    }

    /** Drops what belongs to partitions that are gone. */
    private void forget(List<Instant> periodEnds) {
        lock.writeLock().lock();
        try {
            ends = new TreeSet<>(periodEnds);
            sealed.retainAll(ends);
            if (ends.isEmpty()) {
                generations.clear();
            } else {
                generations.headMap(generation(ends.first())).clear();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void sealOne(Instant end) {
        IntStream.Builder fingerprints = IntStream.builder();
        sql.forEach("SELECT message_key FROM processed_message PARTITION (" + DecisionPartitions.name(end) + ")",
                rs -> Fingerprints.of(rs.getBytes(1)), fingerprints::add);
        lock.writeLock().lock();
        try {
            Fingerprints generation = generations.computeIfAbsent(generation(end), index -> new Fingerprints());
            fingerprints.build().forEach(generation::add);
            sealed.add(end);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Instant newestSealed() {
        lock.readLock().lock();
        try {
            return sealed.isEmpty() ? null : sealed.last();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The partition just before the sealed run, if any. */
    private Instant olderUnsealed() {
        lock.readLock().lock();
        try {
            return sealed.isEmpty() ? null : ends.lower(sealed.first());
        } finally {
            lock.readLock().unlock();
        }
    }

    private long generation(Instant end) {
        return Math.floorDiv(end.getEpochSecond(), generationSeconds);
    }
}
