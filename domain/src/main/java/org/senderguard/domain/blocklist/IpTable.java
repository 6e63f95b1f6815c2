package org.senderguard.domain.blocklist;

import java.util.function.LongConsumer;

/**
 * An open-addressing hash table (linear probing) from an IP network to its entries, keyed by
 * primitive longs: one per key for IPv4, two for IPv6. A slot's value is a {@link ListedEntry}
 * or, when several entries share the value, a {@code ListedEntry[]}; null marks a free slot.
 * IPv4 keys are stored with a tag bit above the 32 address bits, so that a lookup that misses
 * usually reads the key array only.
 *
 * <p>One writer at a time. Readers may run while it writes (under an optimistic lock that they
 * validate afterwards), so {@link #get} never probes more slots than there are and tolerates
 * reading a half-changed table: the worst it does is return a wrong value or throw, and the caller
 * then reads again under the lock.
 */
final class IpTable {

    private static final int INITIAL_CAPACITY = 16;
    private static final long IPV4_TAG = 1L << 32;

    /** Keys and values of one capacity, replaced together when the table grows. */
    private static final class Slots {
        final long[] keys;
        final Object[] values;

        Slots(int capacity, int width) {
            keys = new long[capacity * width];
            values = new Object[capacity];
        }
    }

    private final int width;
    private Slots slots;
    private int size;

    IpTable(boolean ipv6) {
        this.width = ipv6 ? 2 : 1;
        this.slots = new Slots(INITIAL_CAPACITY, width);
    }

    int size() {
        return size;
    }

    /** For IPv4, {@code high} is 0 and {@code low} holds the 32 address bits. */
    Object get(long high, long low) {
        Slots s = slots;
        Object[] values = s.values;
        long[] keys = s.keys;
        int mask = values.length - 1;
        int i = hash(high, low) & mask;
        if (width == 1) {
            long key = low | IPV4_TAG;
            for (int probes = 0; probes <= mask; probes++) {
                long k = keys[i];
                if (k == key) {
                    return values[i];
                }
                if (k == 0) {
                    return null;
                }
                i = (i + 1) & mask;
            }
            return null;
        }
        for (int probes = 0; probes <= mask; probes++) {
            Object value = values[i];
            if (value == null) {
                return null;
            }
            if (keys[i * 2] == high && keys[i * 2 + 1] == low) {
                return value;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Sets the value of a key; null removes it. */
    void set(long high, long low, Object value) {
        if (value == null) {
            remove(high, low);
            return;
        }
        if ((size + 1) * 3 > slots.values.length * 2) { // at most 2/3 full
            grow();
        }
        Object[] values = slots.values;
        long[] keys = slots.keys;
        int mask = values.length - 1;
        int i = hash(high, low) & mask;
        while (values[i] != null) {
            if (keyEquals(keys, i, high, low)) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        writeKey(keys, i, high, low);
        values[i] = value;
        size++;
    }

    private void remove(long high, long low) {
        Object[] values = slots.values;
        long[] keys = slots.keys;
        int mask = values.length - 1;
        int i = hash(high, low) & mask;
        while (values[i] != null && !keyEquals(keys, i, high, low)) {
            i = (i + 1) & mask;
        }
        if (values[i] == null) {
            return;
        }
        size--;
        // Backward-shift deletion: pull later keys of the same run into the gap, so that no
        // tombstones are needed and lookups stay as short as the load factor makes them.
        int gap = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (values[j] == null) {
                break;
            }
            int home = hash(keyHigh(keys, j), keyLow(keys, j)) & mask;
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                System.arraycopy(keys, j * width, keys, gap * width, width);
                values[gap] = values[j];
                gap = j;
            }
        }
        values[gap] = null;
        for (int k = 0; k < width; k++) {
            keys[gap * width + k] = 0L;
        }
    }

    /** Calls {@code action} with the 32 address bits of every IPv4 key. */
    void forEachIpv4(LongConsumer action) {
        long[] keys = slots.keys;
        Object[] values = slots.values;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                action.accept(keyLow(keys, i));
            }
        }
    }

    private void grow() {
        Slots old = slots;
        Slots bigger = new Slots(old.values.length * 2, width);
        int mask = bigger.values.length - 1;
        for (int k = 0; k < old.values.length; k++) {
            Object value = old.values[k];
            if (value != null) {
                long high = keyHigh(old.keys, k);
                long low = keyLow(old.keys, k);
                int i = hash(high, low) & mask;
                while (bigger.values[i] != null) {
                    i = (i + 1) & mask;
                }
                writeKey(bigger.keys, i, high, low);
                bigger.values[i] = value;
            }
        }
        slots = bigger;
    }

    private long keyHigh(long[] keys, int i) {
        return width == 2 ? keys[i * 2] : 0L;
    }

    private long keyLow(long[] keys, int i) {
        return width == 2 ? keys[i * 2 + 1] : keys[i] ^ IPV4_TAG;
    }

    private boolean keyEquals(long[] keys, int i, long high, long low) {
        return width == 2 ? keys[i * 2] == high && keys[i * 2 + 1] == low : keys[i] == (low | IPV4_TAG);
    }

    private void writeKey(long[] keys, int i, long high, long low) {
        if (width == 2) {
            keys[i * 2] = high;
            keys[i * 2 + 1] = low;
        } else {
            keys[i] = low | IPV4_TAG;
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
