package org.senderguard.adapters.persistence;

/**
 * A set of 32-bit fingerprints of remembered decisions: the first four bytes of each decision's
 * SHA-256 key, which are uniform already and so serve as their own hash. Open addressing with
 * linear probing in one {@code int[]}, at most three quarters full; 0 marks a free slot, so a
 * fingerprint of 0 is kept as 1. Add-only: a set is dropped whole. Not thread-safe.
 */
final class Fingerprints {

    private int[] slots = new int[1 << 10];
    private int size;

    static int of(byte[] key) {
        int fingerprint = (key[0] & 0xff) << 24 | (key[1] & 0xff) << 16 | (key[2] & 0xff) << 8 | key[3] & 0xff;
        return fingerprint == 0 ? 1 : fingerprint;
    }

    int size() {
        return size;
    }

    /** The heap its table takes. */
    long bytes() {
        return slots.length * (long) Integer.BYTES;
    }

    boolean contains(int fingerprint) {
        int mask = slots.length - 1;
        for (int i = fingerprint & mask; slots[i] != 0; i = (i + 1) & mask) {
            if (slots[i] == fingerprint) {
                return true;
            }
        }
        return false;
    }

    void add(int fingerprint) {
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        if (put(slots, fingerprint)) {
            size++;
        }
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        for (int fingerprint : slots) {
            if (fingerprint != 0) {
                put(bigger, fingerprint);
            }
        }
        slots = bigger;
    }

    /** False when it was there already. */
    private static boolean put(int[] table, int fingerprint) {
        int mask = table.length - 1;
        int i = fingerprint & mask;
        while (table[i] != 0) {
            if (table[i] == fingerprint) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = fingerprint;
        return true;
    }
}
