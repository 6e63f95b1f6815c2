package org.senderguard.domain.blocklist;

import java.util.function.LongConsumer;

/**
 * An open-addressing hash table (linear probing) from the networks of one prefix length to an int
 * (the first entry listed under the network), in one {@code long[]} so that a probe reads one cache
 * line. IPv4: one long per slot, the 32 network bits above the value plus one; IPv6: three longs per
 * slot, the network's two halves and the value plus one. A slot whose value part is 0 is free.
 *
 * <p>One writer at a time. Readers may run while it writes (under an optimistic lock that they
 * validate afterwards), so {@link #get} never probes more slots than there are and tolerates
 * reading a half-changed table: the worst it does is return a wrong value or throw, and the caller
 * then reads again under the lock.
 */
final class IpTable {

    static final int NONE = -1;
    private static final int MIN_CAPACITY = 16;

    private final int width;
    private long[] slots;
    private int size;

    IpTable(boolean ipv6) {
        this.width = ipv6 ? 3 : 1;
        this.slots = new long[MIN_CAPACITY * width];
    }

    int size() {
        return size;
    }

    /** The value of a network, or {@link #NONE}. For IPv4, {@code high} is 0 and {@code low} holds the 32 bits. */
    int get(long high, long low) {
        long[] s = slots;
        int mask = s.length / width - 1;
        int i = hash(high, low) & mask;
        if (width == 1) {
            for (int probes = 0; probes <= mask; probes++) {
                long slot = s[i];
                if (slot == 0) {
                    return NONE;
                }
                if (slot >>> 32 == low) {
                    return (int) slot - 1;
                }
                i = (i + 1) & mask;
            }
            return NONE;
        }
        for (int probes = 0; probes <= mask; probes++) {
            int at = i * 3;
            long value = s[at + 2];
            if (value == 0) {
                return NONE;
            }
            if (s[at] == high && s[at + 1] == low) {
                return (int) value - 1;
            }
            i = (i + 1) & mask;
        }
        return NONE;
    }

    /** Sets the value of a network; {@link #NONE} removes it. */
    void set(long high, long low, int value) {
        if (value == NONE) {
            remove(high, low);
            return;
        }
        if ((size + 1) * 4L > capacity() * 3L) { // at most 3/4 full
            resize(capacity() * 2);
        }
        int i = find(high, low);
        if (isFree(slots, i)) {
            size++;
        }
        write(slots, i, high, low, value);
    }

    /** Calls {@code action} with the 32 bits of every IPv4 network. */
    void forEachIpv4(LongConsumer action) {
        for (long slot : slots) {
            if (slot != 0) {
                action.accept(slot >>> 32);
            }
        }
    }

    private int capacity() {
        return slots.length / width;
    }

    /** The slot of the network, or the free slot where it would go. */
    private int find(long high, long low) {
        int mask = capacity() - 1;
        int i = hash(high, low) & mask;
        while (!isFree(slots, i) && !(high(slots, i) == high && low(slots, i) == low)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void remove(long high, long low) {
        int i = find(high, low);
        if (isFree(slots, i)) {
            return;
        }
        size--;
        // Backward-shift deletion: pull later networks of the same run into the gap, so that no
        // tombstones are needed and lookups stay as short as the load factor makes them.
        long[] s = slots;
        int mask = capacity() - 1;
        int gap = i;
        for (int j = (i + 1) & mask; !isFree(s, j); j = (j + 1) & mask) {
            int home = hash(high(s, j), low(s, j)) & mask;
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                System.arraycopy(s, j * width, s, gap * width, width);
                gap = j;
            }
        }
        for (int k = 0; k < width; k++) {
            s[gap * width + k] = 0L;
        }
        if (size * 8L < capacity() && capacity() > MIN_CAPACITY) {
            resize(capacity() / 2);
        }
    }

    /** Rehashes into a new array: readers keep the old one until they read the field again. */
    private void resize(int capacity) {
        long[] old = slots;
        long[] fresh = new long[capacity * width];
        int mask = capacity - 1;
        for (int k = 0; k < old.length / width; k++) {
            if (!isFree(old, k)) {
                long high = high(old, k);
                long low = low(old, k);
                int i = hash(high, low) & mask;
                while (!isFree(fresh, i)) {
                    i = (i + 1) & mask;
                }
                write(fresh, i, high, low, value(old, k));
            }
        }
        slots = fresh;
    }

    private boolean isFree(long[] s, int i) {
        return s[i * width + width - 1] == 0;
    }

    private long high(long[] s, int i) {
        return width == 3 ? s[i * 3] : 0L;
    }

    private long low(long[] s, int i) {
        return width == 3 ? s[i * 3 + 1] : s[i] >>> 32;
    }

    private int value(long[] s, int i) {
        return (int) s[i * width + width - 1] - 1;
    }

    private void write(long[] s, int i, long high, long low, int value) {
        if (width == 3) {
            s[i * 3] = high;
            s[i * 3 + 1] = low;
            s[i * 3 + 2] = value + 1L;
        } else {
            s[i] = low << 32 | (value + 1L);
        }
    }

    /** A 64-bit finaliser (MurmurHash3's fmix64): neighbouring networks spread across the table. */
    private static int hash(long high, long low) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
