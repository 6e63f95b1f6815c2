package org.senderguard.adapters.persistence;

/**
 * The fingerprints of remembered decisions in one generation of sealed partitions, each with the
 * partition that holds it: the first 48 bits of the decision's SHA-256 key (uniform already, so
 * their own hash; one new message in about 2^48 per fingerprint matches one by chance) and the
 * partition's index in its generation, in one {@code long} per slot. Open addressing with linear
 * probing, at most three quarters full; 0 marks a free slot, so a fingerprint of 0 is kept as 1. A
 * fingerprint found in two partitions (two keys alike in 48 bits, or one saved twice) is kept once,
 * with {@link #SEVERAL} for its partition. Add-only: a set is dropped whole. One writer; readers
 * only under the same lock.
 */
final class Fingerprints {

    /** The partition of a fingerprint found in more than one. */
    static final int SEVERAL = 0xFFFF;
    static final int NONE = -1;
    private static final int PARTITION_BITS = 16;
    private static final int LARGEST = 1 << 30;

    private long[] slots;
    private int size;

    Fingerprints() {
        this(1 << 10);
    }

    private Fingerprints(int capacity) {
        this.slots = new long[capacity];
    }

    static long of(byte[] key) {
        long fingerprint = 0;
        for (int i = 0; i < 6; i++) {
            fingerprint = fingerprint << 8 | (key[i] & 0xff);
        }
        return fingerprint == 0 ? 1 : fingerprint;
    }

    int size() {
        return size;
    }

    /** The heap its table takes. */
    long bytes() {
        return slots.length * (long) Long.BYTES;
    }

    /** The index of the partition holding the fingerprint, {@link #SEVERAL}, or {@link #NONE}. */
    int partitionOf(long fingerprint) {
        int mask = slots.length - 1;
        for (int i = (int) fingerprint & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] >>> PARTITION_BITS == fingerprint) {
                return (int) slots[i] & SEVERAL;
            }
        }
        return NONE;
    }

    /**
     * Adds a fingerprint of the partition of that index (one past {@link #SEVERAL} count as several);
     * the table must have room.
     */
    void add(long fingerprint, int partition) {
        if ((size + 1) * 4L > slots.length * 3L) {
            throw new IllegalStateException("no room: call grownFor first");
        }
        if (put(slots, fingerprint, Math.min(partition, SEVERAL))) {
            size++;
        }
    }

    /**
     * This set, or a copy with room for {@code more} fingerprints: made beside this one, so that
     * readers go on reading it meanwhile, and swapped in by the writer. Null when that would take
     * more than the largest table.
     */
    Fingerprints grownFor(int more) {
        long needed = (size + (long) more) * 4 / 3 + 1;
        if (needed <= slots.length) {
            return this;
        }
        if (needed > LARGEST) {
            return null;
        }
        Fingerprints grown = new Fingerprints((int) Long.highestOneBit(needed - 1) << 1);
        for (long slot : slots) {
            if (slot != 0) {
                grown.slots[grown.free(slot >>> PARTITION_BITS)] = slot;
            }
        }
        grown.size = size;
        return grown;
    }

    /** False when it was there already, in which case it is marked as in several partitions if this is another. */
    private static boolean put(long[] table, long fingerprint, int partition) {
        int mask = table.length - 1;
        int i = (int) fingerprint & mask;
        while (table[i] != 0) {
            if (table[i] >>> PARTITION_BITS == fingerprint) {
                if (((int) table[i] & SEVERAL) != partition) {
                    table[i] = fingerprint << PARTITION_BITS | SEVERAL;
                }
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = fingerprint << PARTITION_BITS | partition;
        return true;
    }

    private int free(long fingerprint) {
        int mask = slots.length - 1;
        int i = (int) fingerprint & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
