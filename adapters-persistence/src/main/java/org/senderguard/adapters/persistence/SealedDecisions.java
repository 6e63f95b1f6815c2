package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.LongStream;
import org.senderguard.application.port.out.DecisionHistoryMeter;
import org.senderguard.application.port.out.ProcessedMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spares MariaDB most lookups of remembered decisions, so that its buffer pool need hold the
 * decisions of the last half minute or so rather than of the whole retention. A time partition
 * ({@link DecisionPartitions}) is sealed once its period ended long enough ago: a batch saves its
 * decisions under the time it began and is ready to commit at most {@link ProcessedMessages#LATEST_SAVE}
 * later, and commits within the database timeout ({@code SENDERGUARD_DB_TIMEOUT}, 3 s by default),
 * so nothing more is written into the partition once both and {@link #CLOCK_SKEW} have passed: 15 s
 * by default. Its keys are then read once and their {@link Fingerprints} kept, with the partition,
 * by generation (a quarter of the retention, dropped whole once its partitions are). A lookup asks
 * MariaDB about the partitions not sealed yet, the newest, whose pages are in the buffer pool since
 * decisions are written there, and about a sealed partition only for a key whose fingerprint it
 * holds: a repeat, or by chance about one new message in 2^48 per sealed decision. Each server seals
 * for itself, as it rotates the partitions: on its first rotation the newest sealable partition,
 * then those ending since and older ones, {@link #PER_RUN} per rotation each way; a partition not
 * sealed yet is asked about as before. The fingerprints take at most a quarter of the heap: past
 * that, newer partitions are left unsealed (and asked about) until older generations are dropped,
 * with a warning. Each rotation reports what is sealed and what is not to the {@link DecisionHistoryMeter}.
 * Only on MariaDB; on the embedded database nothing is sealed.
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

    /** Decisions at or after {@code from} (null: however old) and before {@code until}. */
    record Span(Instant from, Instant until) {
    }

    /**
     * What to ask MariaDB: every key outside {@code sealed} (all of them when it is null), and the
     * keys that sealed partitions may hold, in those partitions' spans.
     */
    record Lookup(Span sealed, Map<Span, List<byte[]>> sealedCandidates) {
    }

    /** The fingerprints of a quarter of the retention's sealed partitions, and those partitions' ends by index. */
    private static final class Generation {

        private Fingerprints fingerprints = new Fingerprints();
        private final List<Instant> partitions = new ArrayList<>();
    }

    private final Sql sql;
    private final boolean mariaDb;
    private final long generationSeconds;
    private final Duration sealAfter;
    private final long heapBudget;
    private final DecisionHistoryMeter meter;
    /**
     * Guards what follows: {@link #seal}, the one writer (synchronized), changes it under the write
     * lock and reads it without; lookups and saves read it under the read lock.
     */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<Long, Generation> generations = new TreeMap<>();
    /** The ends of the sealed partitions: a run of consecutive partitions. */
    private final NavigableSet<Instant> sealed = new TreeSet<>();
    /** The ends of all partitions of periods, as of the last rotation. */
    private NavigableSet<Instant> ends = new TreeSet<>();
    private boolean overBudget;
    private Instant lastSeal = Instant.MIN;

    /** @param meter absent where no meters are wired (this module's own tests) */
    @Inject
    SealedDecisions(Sql sql, @Value("${datasources.default.url}") String url,
                    @Value("${senderguard.decision.retention:1h}") Duration retention,
                    @Value(DatabaseTimeouts.TIMEOUT) Duration databaseTimeout, @Nullable DecisionHistoryMeter meter) {
        this(sql, url, retention, databaseTimeout, Runtime.getRuntime().maxMemory() / 4,
                meter == null ? DecisionHistoryMeter.NONE : meter);
    }

    /** @param heapBudget the heap the fingerprints may take */
    SealedDecisions(Sql sql, String url, Duration retention, Duration databaseTimeout, long heapBudget,
                    DecisionHistoryMeter meter) {
        this.sql = sql;
        this.heapBudget = heapBudget;
        this.meter = meter;
        this.mariaDb = DatabaseSettings.isMariaDb(url);
        this.generationSeconds = Math.max(1, retention.toSeconds() / 4);
        this.sealAfter = ProcessedMessages.LATEST_SAVE.plus(databaseTimeout).plus(CLOCK_SKEW);
    }

    Lookup lookup(Collection<byte[]> keys) {
        lock.readLock().lock();
        try {
            if (sealed.isEmpty()) {
                return new Lookup(null, Map.of());
            }
            Map<Span, List<byte[]>> candidates = new LinkedHashMap<>();
            for (byte[] key : keys) {
                long fingerprint = Fingerprints.of(key);
                for (Generation generation : generations.values()) {
                    int partition = generation.fingerprints.partitionOf(fingerprint);
                    if (partition != Fingerprints.NONE) {
                        candidates.computeIfAbsent(span(generation, partition), span -> new ArrayList<>()).add(key);
                    }
                }
            }
            return new Lookup(new Span(ends.lower(sealed.first()), sealed.last()), candidates);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The time a decision saved at {@code at} must be saved under: not before the sealed partitions'
     * end, which a clock set back could otherwise write into unseen.
     */
    Instant saveTime(Instant at) {
        lock.readLock().lock();
        try {
            return sealed.isEmpty() || !at.isBefore(sealed.last()) ? at : sealed.last();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Seals what ended long enough before {@code now}, given the partitions that exist now. */
    synchronized void seal(List<Instant> periodEnds, Instant now) {
        if (!mariaDb) {
            return;
        }
        if (now.isBefore(lastSeal)) {
            LOG.warn("The clock went back from {} to {}: decisions are saved under the sealed partitions' end "
                    + "until it catches up", lastSeal, now);
        }
        lastSeal = now;
        forget(periodEnds);
        List<Instant> sealable = periodEnds.stream().filter(end -> !end.isAfter(now.minus(sealAfter))).toList();
        try {
            sealSome(sealable);
        } finally {
            meter.sealing(sealed.size(), (int) sealable.stream().filter(end -> !sealed.contains(end)).count(),
                    bytesUsed());
        }
    }

    /** Seals the newest of the partitions that may be, then older ones, {@link #PER_RUN} each way. */
    private void sealSome(List<Instant> sealable) {
        if (sealable.isEmpty()) {
            return;
        }
        Instant newest = sealed.isEmpty() ? null : sealed.last();
        List<Instant> forward = newest == null ? List.of(sealable.get(sealable.size() - 1))
                : sealable.stream().filter(end -> end.isAfter(newest)).limit(PER_RUN).toList();
        for (Instant end : forward) {
            if (!sealOne(end)) {
                return;
            }
        }
        for (int i = 0; i < PER_RUN; i++) {
            Instant older = olderUnsealed();
            if (older == null || !sealOne(older)) {
                return;
            }
        }
    }

    /** The span of a partition of a generation; of all its partitions for {@link Fingerprints#SEVERAL}. */
    private Span span(Generation generation, int partition) {
        if (partition == Fingerprints.SEVERAL) {
            Instant first = generation.partitions.stream().min(Instant::compareTo).orElseThrow();
            Instant last = generation.partitions.stream().max(Instant::compareTo).orElseThrow();
            return new Span(ends.lower(first), last);
        }
        Instant end = generation.partitions.get(partition);
        return new Span(ends.lower(end), end);
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

    /**
     * Reads the partition's keys, grows its generation beside the one readers use, and swaps it in;
     * false, sealing nothing, when that would pass the heap budget.
     */
    private boolean sealOne(Instant end) {
        LongStream.Builder read = LongStream.builder();
        sql.forEach("SELECT message_key FROM processed_message PARTITION (" + DecisionPartitions.name(end) + ")",
                rs -> Fingerprints.of(rs.getBytes(1)), read::add);
        long[] fingerprints = read.build().toArray();
        Generation generation = generations.get(generation(end));
        Fingerprints current = generation == null ? new Fingerprints() : generation.fingerprints;
        Fingerprints grown = current.grownFor(fingerprints.length);
        if (grown == null || !withinBudget(bytesUsed() - (generation == null ? 0 : current.bytes()) + grown.bytes())) {
            return false;
        }
        lock.writeLock().lock();
        try {
            generation = generations.computeIfAbsent(generation(end), index -> new Generation());
            generation.fingerprints = grown;
            int partition = generation.partitions.size();
            generation.partitions.add(end);
            for (long fingerprint : fingerprints) {
                grown.add(fingerprint, partition);
            }
            sealed.add(end);
        } finally {
            lock.writeLock().unlock();
        }
        return true;
    }

    private long bytesUsed() {
        return generations.values().stream().mapToLong(generation -> generation.fingerprints.bytes()).sum();
    }

    /** Whether {@code used} bytes of fingerprints are within the budget; says so when that changes. */
    private boolean withinBudget(long used) {
        boolean over = used > heapBudget;
        if (over != overBudget) {
            overBudget = over;
            if (over) {
                LOG.warn("The remembered decisions' fingerprints would take {} MB, past a quarter of the heap: "
                        + "newer decisions are looked up in MariaDB's partitions until older ones expire (give the "
                        + "server more heap or shorten SENDERGUARD_DECISION_RETENTION)", used >> 20);
            } else {
                LOG.info("The remembered decisions' fingerprints take {} MB again; sealing resumes", used >> 20);
            }
        }
        return !over;
    }

    /** The partition just before the sealed run, if any. */
    private Instant olderUnsealed() {
        return sealed.isEmpty() ? null : ends.lower(sealed.first());
    }

    private long generation(Instant end) {
        return Math.floorDiv(end.getEpochSecond(), generationSeconds);
    }
}
