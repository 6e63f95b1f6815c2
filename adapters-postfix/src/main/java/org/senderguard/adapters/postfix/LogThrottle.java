package org.senderguard.adapters.postfix;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets a repeated log line through at most once per interval, counting the ones it held back. */
final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong heldBack = new AtomicLong();

    LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * -1 when the line is held back; otherwise the line is due, and this is how many were held back
     * since the last one.
     */
    long due() {
        long now = System.nanoTime();
        long at = next.get();
        if ((at == Long.MIN_VALUE || now - at >= 0) && next.compareAndSet(at, now + intervalNanos)) {
            return heldBack.getAndSet(0);
        }
        heldBack.incrementAndGet();
        return -1;
    }
}
