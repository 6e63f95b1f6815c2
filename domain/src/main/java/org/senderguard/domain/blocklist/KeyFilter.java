package org.senderguard.domain.blocklist;

/**
 * A Bloom filter over int hashes (a key's {@link String#hashCode()}, an IPv4 network's bits with
 * its prefix length): "certainly absent" or "maybe present". It lets a lookup rule out most
 * candidates with one read of a small array that stays in the CPU cache, instead of building the
 * candidate string or probing a table far larger than the cache.
 * Blocked: both bits of a key are in one 64-bit word, so a check is a single memory read. 12 to 32
 * bits per key: a few percent of false positives, which only cost a map lookup that finds nothing.
 *
 * <p>Keys cannot be taken out; the owner rebuilds the filter from its live keys when
 * {@link #isCrowded()} (many additions since the last build). One writer at a time; readers may
 * read while it writes, under the owner's optimistic lock.
 */
final class KeyFilter {

    private static final int MIN_WORDS = 64;

    private final long[] words;
    private final int capacity;
    private int added;

    /** For {@code keys} keys: 16 to 32 bits each, and room to grow until about 12 bits each. */
    KeyFilter(int keys) {
        int wanted = Math.max(MIN_WORDS, keys / 4 + 1);
        this.words = new long[Integer.highestOneBit(wanted - 1) << 1];
        this.capacity = words.length * 5;
    }

    void add(int hash) {
        long mixed = mix(hash);
        words[index(mixed)] |= bits(mixed);
        added++;
    }

    boolean mightContain(int hash) {
        long mixed = mix(hash);
        long bits = bits(mixed);
        long[] w = words;
        return (w[(int) (mixed >>> 40) & (w.length - 1)] & bits) == bits;
    }

    /** More keys were added than it was sized for: rebuild it from the live keys. */
    boolean isCrowded() {
        return added > capacity;
    }

    private int index(long mixed) {
        return (int) (mixed >>> 40) & (words.length - 1);
    }

    private static long bits(long mixed) {
        return 1L << (mixed & 63) | 1L << ((mixed >>> 6) & 63);
    }

    private static long mix(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        return h ^ h >>> 32;
    }
}
