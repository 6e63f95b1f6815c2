package org.senderguard.application.port.out;

import java.time.Instant;

/** Counters per key and fixed window, shared by every instance. */
public interface RateCounters {

    /** Adds one to the key's count in the window starting at {@code window} and returns the new count. */
    int increment(String key, Instant window);
}
