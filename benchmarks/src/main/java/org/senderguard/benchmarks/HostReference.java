package org.senderguard.benchmarks;

import java.util.Random;

/**
 * What this machine's memory and caches charge at the moment: a figure taken beside a benchmark's
 * own, so that a run made slow by the host (another machine's work on the same caches and memory,
 * which no steal counter shows) can be told from one made slow by the code.
 */
final class HostReference {

    /** Fits the cache of a quiet host of this kind (17-22 ns a read), not when others crowd it (110-150 ns). */
    static final long CACHE_SIZED = 8L << 20;

    /** Keeps the reads from being optimised away. */
    private static long sink;

    private HostReference() {
    }

    /**
     * Nanoseconds per read of an array of {@code bytes} (one int per 64-byte cache line, visited in
     * a random cycle) where each read's address comes from the one before, as a lookup's table slot
     * gives the entry's record: what the machine's memory and caches charge a lookup that finds its
     * entry in a structure of that size, whatever its layout.
     */
    static double dependentReadNanos(long bytes) {
        int lines = (int) Math.max(1024, Math.min(bytes, 1L << 30) / 64);
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        Random random = new Random(lines);
        for (int i = lines - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] next = new int[lines * 16];
        for (int i = 0; i < lines; i++) {
            next[order[i] * 16] = order[(i + 1) % lines] * 16;
        }
        int at = 0;
        for (int i = 0; i < lines; i++) { // warm-up: compiled, and the array paged in
            at = next[at];
        }
        int reads = 5_000_000;
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            at = next[at];
        }
        double nanos = (System.nanoTime() - start) / (double) reads;
        sink += at;
        return nanos;
    }

}
