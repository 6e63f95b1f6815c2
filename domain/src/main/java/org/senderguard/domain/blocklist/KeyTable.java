package org.senderguard.domain.blocklist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * String keys stored once, each numbered by an int: their text in a byte arena (one byte per char,
 * or two when a char is beyond Latin-1, after a byte naming the kind of key), and an
 * open-addressing table (linear probing) of longs, each the key's {@link String#hashCode()} above its
 * number plus one, so that a probe reads the arena only when the hashes agree. A key is looked up as
 * the concatenation of an optional {@code *}, the tail of one string and the head of another,
 * without building it. Each key has an int of its owner's ({@link #value}).
 *
 * <p>One writer at a time. Readers may run while it writes (under an optimistic lock that they
 * validate afterwards), so {@link #find} never probes more slots than there are and tolerates a
 * half-changed table: the worst it does is return a wrong key or throw, and the caller then reads
 * again under the lock.
 */
final class KeyTable {

    static final int NONE = -1;
    private static final int MIN_CAPACITY = 16;
    /** In the byte before a key's text: its kind, and whether its chars take two bytes. */
    private static final int KIND = 0x7F;
    private static final int WIDE = 0x80;

    private long[] table = new long[MIN_CAPACITY];
    private int size;

    private byte[] arena = new byte[256];
    private int arenaEnd;
    /** Arena bytes of removed keys, reclaimed by compacting when they are half of it. */
    private int garbage;

    /** By key number: where its bytes start (-1: free number), its length in chars, its owner's int. */
    private int[] offsets = new int[MIN_CAPACITY];
    private int[] lengths = new int[MIN_CAPACITY];
    private int[] values = new int[MIN_CAPACITY];
    private int numbers;
    /** Free key numbers, chained through {@link #values}. */
    private int free = NONE;

    int size() {
        return size;
    }

    /**
     * The key of this kind whose text is {@code (star ? "*" : "") + a.substring(aFrom) + b.substring(0, bEnd)},
     * given that text's hash, or {@link #NONE}.
     */
    int find(int kind, int hash, boolean star, String a, int aFrom, String b, int bEnd) {
        long[] t = table;
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        for (int probes = 0; probes <= mask; probes++) {
            long slot = t[i];
            if (slot == 0) {
                return NONE;
            }
            if ((int) (slot >>> 32) == hash) {
                int key = (int) slot - 1;
                if (textEquals(key, kind, star, a, aFrom, b, bEnd)) {
                    return key;
                }
            }
            i = (i + 1) & mask;
        }
        return NONE;
    }

    int find(int kind, String text) {
        return find(kind, text.hashCode(), false, text, 0, "", 0);
    }

    /** The key's number, added with value {@code initial} when new. */
    int add(int kind, String text, int initial) {
        int existing = find(kind, text);
        if (existing != NONE) {
            return existing;
        }
        if ((size + 1) * 4L > table.length * 3L) { // at most 3/4 full
            resize(table.length * 2);
        }
        int key = number();
        offsets[key] = append(kind, text);
        lengths[key] = text.length();
        values[key] = initial;
        insert(table, text.hashCode(), key);
        size++;
        return key;
    }

    int value(int key) {
        return values[key];
    }

    void setValue(int key, int value) {
        values[key] = value;
    }

    int kind(int key) {
        return arena[offsets[key]] & KIND;
    }

    String text(int key) {
        int at = offsets[key];
        int length = lengths[key];
        if ((arena[at] & WIDE) == 0) {
            return new String(arena, at + 1, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = charAt(arena, at, true, i);
        }
        return new String(chars);
    }

    void remove(int key) {
        long[] t = table;
        int mask = t.length - 1;
        int i = spread(text(key).hashCode()) & mask;
        while ((int) t[i] - 1 != key) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: no tombstones, lookups stay as short as the load factor makes them.
        int gap = i;
        for (int j = (i + 1) & mask; t[j] != 0; j = (j + 1) & mask) {
            int home = spread((int) (t[j] >>> 32)) & mask;
            boolean stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j);
            if (!stays) {
                t[gap] = t[j];
                gap = j;
            }
        }
        t[gap] = 0;
        size--;
        garbage += byteLength(key);
        offsets[key] = -1;
        values[key] = free;
        free = key;
        if (size * 8L < t.length && t.length > MIN_CAPACITY) {
            resize(t.length / 2);
        }
        if (garbage > 4096 && garbage * 2 > arenaEnd) {
            compact();
        }
    }

    /** Calls {@code action} with the hash of every key. */
    void forEachHash(IntConsumer action) {
        for (long slot : table) {
            if (slot != 0) {
                action.accept((int) (slot >>> 32));
            }
        }
    }

    private boolean textEquals(int key, int kind, boolean star, String a, int aFrom, String b, int bEnd) {
        int length = (star ? 1 : 0) + a.length() - aFrom + bEnd;
        if (lengths[key] != length) {
            return false;
        }
        byte[] bytes = arena;
        int at = offsets[key];
        int head = bytes[at] & 0xFF;
        if ((head & KIND) != kind) {
            return false;
        }
        boolean wide = (head & WIDE) != 0;
        int i = 0;
        if (star && charAt(bytes, at, wide, i++) != '*') {
            return false;
        }
        for (int j = aFrom; j < a.length(); j++) {
            if (charAt(bytes, at, wide, i++) != a.charAt(j)) {
                return false;
            }
        }
        for (int j = 0; j < bEnd; j++) {
            if (charAt(bytes, at, wide, i++) != b.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static char charAt(byte[] bytes, int at, boolean wide, int i) {
        return wide ? (char) ((bytes[at + 1 + 2 * i] & 0xFF) << 8 | bytes[at + 2 + 2 * i] & 0xFF)
                : (char) (bytes[at + 1 + i] & 0xFF);
    }

    private int byteLength(int key) {
        return 1 + lengths[key] * ((arena[offsets[key]] & WIDE) == 0 ? 1 : 2);
    }

    /** Writes the kind byte and the text at the end of the arena; returns where it starts. */
    private int append(int kind, String text) {
        boolean wide = text.chars().anyMatch(c -> c > 0xFF);
        int needed = 1 + text.length() * (wide ? 2 : 1);
        if (arenaEnd + needed > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaEnd + needed));
        }
        int at = arenaEnd;
        arena[at] = (byte) (kind | (wide ? WIDE : 0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (wide) {
                arena[at + 1 + 2 * i] = (byte) (c >>> 8);
                arena[at + 2 + 2 * i] = (byte) c;
            } else {
                arena[at + 1 + i] = (byte) c;
            }
        }
        arenaEnd += needed;
        return at;
    }

    /** Copies the live keys into a new arena, dropping the bytes of removed ones. */
    private void compact() {
        byte[] fresh = new byte[Math.max(256, (arenaEnd - garbage) * 3 / 2)];
        int end = 0;
        int[] moved = offsets.clone();
        for (int key = 0; key < numbers; key++) {
            if (offsets[key] >= 0) {
                int n = byteLength(key);
                System.arraycopy(arena, offsets[key], fresh, end, n);
                moved[key] = end;
                end += n;
            }
        }
        arena = fresh;
        offsets = moved;
        arenaEnd = end;
        garbage = 0;
    }

    private int number() {
        if (free != NONE) {
            int key = free;
            free = values[key];
            return key;
        }
        if (numbers == offsets.length) {
            int capacity = numbers + (numbers >> 1);
            offsets = Arrays.copyOf(offsets, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        return numbers++;
    }

    private void resize(int capacity) {
        long[] fresh = new long[capacity];
        for (long slot : table) {
            if (slot != 0) {
                insert(fresh, (int) (slot >>> 32), (int) slot - 1);
            }
        }
        table = fresh;
    }

    private static void insert(long[] t, int hash, int key) {
        int mask = t.length - 1;
        int i = spread(hash) & mask;
        while (t[i] != 0) {
            i = (i + 1) & mask;
        }
        t[i] = (long) hash << 32 | (key + 1L);
    }

    private static int spread(int hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29);
    }
}
