package org.senderguard.domain.blocklist;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The entries of an index in primitive arrays, one slot per entry: a record of four longs (the
 * expiry in microseconds; a reference to the value, a string key or an IP network, which the owner
 * resolves, with the next entry listed under the same value; the id's two halves) and the type and
 * flags in a short. An
 * open-addressing table (linear probing) of slots finds an entry by id. The rare parts live in
 * side maps by slot: a range's exceptions, and an expiry finer than a microsecond.
 *
 * <p>One writer at a time. Readers may run while it writes (under an optimistic lock that they
 * validate afterwards): the worst they see is a wrong value or an exception.
 */
final class EntriesById {

    static final int NONE = -1;
    private static final long NEVER = Long.MAX_VALUE;
    /** Marks an expiry that only its instant in the side map says exactly. */
    private static final long NOT_EXACT = Long.MIN_VALUE;
    private static final EntryType[] TYPES = EntryType.values();

    // Bits of an entry's flags; the IP prefix length above them.
    private static final int TYPE_BITS = 3;
    private static final int DELISTABLE = 1 << 2;
    private static final int EXCEPTIONS = 1 << 3;
    private static final int FINE_EXPIRY = 1 << 4;
    private static final int IPV6 = 1 << 5;
    private static final int FREE = 1 << 6;
    private static final int PREFIX_SHIFT = 7;

    // A slot's record: what a lookup reads of an entry it finds lies in one or two neighbouring
    // cache lines, rather than in a line of each of three arrays. (At most 2^29 slots.)
    private static final int RECORD = 4;
    private static final int EXPIRY = 0;
    /** The value reference above the next slot listed under the same value. */
    private static final int LINKS = 1;
    private static final int ID_HIGH = 2;
    private static final int ID_LOW = 3;
    private long[] records = new long[0];
    private short[] flags = new short[0];
    private int used;
    /** Free slots, chained through {@link #next}. */
    private int free = NONE;

    /** Slot plus one by id hash; 0 is free. At most 3/4 full. */
    private int[] byId = new int[16];
    private int size;

    private final Map<Integer, Set<String>> exceptions = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> fineExpiries = new ConcurrentHashMap<>();

    int size() {
        return size;
    }

    /**
     * Room for {@code more} entries without growing the arrays again. Grows by half at least, as a
     * put does, so that many small reservations (a change at a time) do not copy the arrays each.
     */
    void reserve(int more) {
        int wanted = size + more;
        if (wanted > flags.length) {
            resizeSlots(Math.max(wanted, flags.length + (flags.length >> 1) + 16));
        }
        while (wanted * 4L > byId.length * 3L) {
            rehash(byId.length * 2);
        }
    }

    /** The slot of the entry with this id, or {@link #NONE}. */
    int find(UUID id) {
        return find(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    /**
     * Adds an entry (no entry with its id may be present) listed under {@code valueRef} (its owner's
     * reference to the value) before {@code nextSlot}; {@code prefix}: an IP value's prefix length.
     */
    int add(ListedEntry entry, int valueRef, int prefix, boolean ipv6, int nextSlot) {
        if (free == NONE && used == flags.length) {
            resizeSlots(used + (used >> 1) + 16);
        }
        if ((size + 1) * 4L > byId.length * 3L) {
            rehash(byId.length * 2);
        }
        int slot;
        if (free != NONE) {
            slot = free;
            free = next(slot);
        } else {
            slot = used++;
        }
        int f = entry.type().ordinal() | (entry.delistable() ? DELISTABLE : 0) | (ipv6 ? IPV6 : 0)
                | prefix << PREFIX_SHIFT;
        int at = slot * RECORD;
        records[at + ID_HIGH] = entry.id().getMostSignificantBits();
        records[at + ID_LOW] = entry.id().getLeastSignificantBits();
        long micros = exactMicros(entry.expiresAt());
        if (micros == NOT_EXACT) {
            fineExpiries.put(slot, entry.expiresAt());
            f |= FINE_EXPIRY;
        }
        records[at + EXPIRY] = micros;
        if (!entry.exceptions().isEmpty()) {
            exceptions.put(slot, entry.exceptions());
            f |= EXCEPTIONS;
        }
        records[at + LINKS] = (long) valueRef << 32 | nextSlot & 0xFFFF_FFFFL;
        flags[slot] = (short) f;
        insert(byId, slot);
        size++;
        return slot;
    }

    /** Frees the slot of an entry that is no longer listed under its value. */
    void remove(int slot) {
        int[] t = byId;
        int mask = t.length - 1;
        int i = idHash(slot) & mask;
        while (t[i] - 1 != slot) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: no tombstones.
        int gap = i;
        for (int j = (i + 1) & mask; t[j] != 0; j = (j + 1) & mask) {
            int home = idHash(t[j] - 1) & mask;
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                t[gap] = t[j];
                gap = j;
            }
        }
        t[gap] = 0;
        if ((flags[slot] & EXCEPTIONS) != 0) {
            exceptions.remove(slot);
        }
        if ((flags[slot] & FINE_EXPIRY) != 0) {
            fineExpiries.remove(slot);
        }
        flags[slot] = FREE;
        setNext(slot, free);
        free = slot;
        size--;
        if (size * 8L < t.length && t.length > 16) {
            rehash(t.length / 2);
        }
    }

    void forEach(IntConsumer action) {
        for (int slot = 0; slot < used; slot++) {
            if ((flags[slot] & FREE) == 0) {
                action.accept(slot);
            }
        }
    }

    /** How many slots there are: no chain of entries is longer. */
    int capacity() {
        return flags.length;
    }

    EntryType type(int slot) {
        return TYPES[flags[slot] & TYPE_BITS];
    }

    boolean ipv6(int slot) {
        return (flags[slot] & IPV6) != 0;
    }

    int prefix(int slot) {
        return (flags[slot] & 0xFFFF) >>> PREFIX_SHIFT;
    }

    int value(int slot) {
        return (int) (records[slot * RECORD + LINKS] >> 32);
    }

    int next(int slot) {
        return (int) records[slot * RECORD + LINKS];
    }

    void setNext(int slot, int nextSlot) {
        int at = slot * RECORD + LINKS;
        records[at] = records[at] & 0xFFFF_FFFF_0000_0000L | nextSlot & 0xFFFF_FFFFL;
    }

    /** Whether the entry applies at {@code now} ({@link #micros} of it) to a probe whose IP is {@code ip} (null: none). */
    boolean appliesAt(int slot, long nowMicros, Instant now, String ip) {
        int f = flags[slot];
        boolean active = (f & FINE_EXPIRY) == 0 ? nowMicros < records[slot * RECORD + EXPIRY]
                : now.isBefore(fineExpiries.get(slot));
        return active && ((f & EXCEPTIONS) == 0 || ip == null || !exceptions.get(slot).contains(ip));
    }

    ListedEntry entry(int slot, BlockedValue blocked) {
        int f = flags[slot];
        int at = slot * RECORD;
        long micros = records[at + EXPIRY];
        Instant expiresAt = (f & FINE_EXPIRY) != 0 ? fineExpiries.get(slot) : micros == NEVER ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
        Set<String> excepted = (f & EXCEPTIONS) != 0 ? exceptions.get(slot) : Set.of();
        return new ListedEntry(new UUID(records[at + ID_HIGH], records[at + ID_LOW]), blocked, expiresAt, (f & DELISTABLE) != 0,
                excepted);
    }

    /**
     * Microseconds since the epoch, floored and saturating, so that {@code micros(now) < micros(expiry)}
     * exactly when now is before an expiry of whole microseconds. Null (never): {@link #NEVER}.
     */
    static long micros(Instant instant) {
        if (instant == null) {
            return NEVER;
        }
        long seconds = instant.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000L) {
            return NEVER - 1;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000L) {
            return Long.MIN_VALUE + 1;
        }
        return seconds * 1_000_000L + instant.getNano() / 1000;
    }

    private static long exactMicros(Instant expiresAt) {
        if (expiresAt == null) {
            return NEVER;
        }
        boolean exact = expiresAt.getNano() % 1000 == 0
                && Math.abs(expiresAt.getEpochSecond()) < Long.MAX_VALUE / 1_000_000L - 1;
        return exact ? micros(expiresAt) : NOT_EXACT;
    }

    private int find(long high, long low) {
        int[] t = byId;
        int mask = t.length - 1;
        int i = hash(high, low) & mask;
        for (int probes = 0; probes <= mask && t[i] != 0; probes++) {
            int slot = t[i] - 1;
            int at = slot * RECORD;
            if (records[at + ID_HIGH] == high && records[at + ID_LOW] == low) {
                return slot;
            }
            i = (i + 1) & mask;
        }
        return NONE;
    }

    private void resizeSlots(int capacity) {
        records = Arrays.copyOf(records, RECORD * capacity);
        flags = Arrays.copyOf(flags, capacity);
    }

    private void rehash(int capacity) {
        int[] fresh = new int[capacity];
        for (int entry : byId) {
            if (entry != 0) {
                insert(fresh, entry - 1);
            }
        }
        byId = fresh;
    }

    private void insert(int[] t, int slot) {
        int mask = t.length - 1;
        int i = idHash(slot) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = slot + 1;
    }

    private int idHash(int slot) {
        int at = slot * RECORD;
        return hash(records[at + ID_HIGH], records[at + ID_LOW]);
    }

    private static int hash(long high, long low) {
        long h = (high * 0x9E3779B97F4A7C15L) ^ low;
        h *= 0xff51afd7ed558ccdL;
        return (int) (h ^ (h >>> 32));
    }
}
