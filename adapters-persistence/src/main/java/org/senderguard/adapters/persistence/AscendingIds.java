package org.senderguard.adapters.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Ids for rows written in bulk: version 7 UUIDs (the time first, RFC 9562), ascending in the order
 * they are handed out, also as text. Rows written in id order then append to the id index instead
 * of landing all over it. The random bits, drawn once, keep two bulk writes of the same millisecond apart.
 */
final class AscendingIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long high;
    private final long low;
    private long next;

    AscendingIds(Instant now) {
        high = now.toEpochMilli() << 16 | 0x7000 | RANDOM.nextInt(0x1000);
        low = Long.MIN_VALUE | (RANDOM.nextLong() & 0x3FFF_FFFFL) << 32;
    }

    /** At most 2^32 per instance. */
    UUID next() {
        return new UUID(high, low | next++);
    }
}
