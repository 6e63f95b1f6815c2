package org.senderguard.application.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps values read often (the third-party list catalog) for a short while. Changes made through
 * this instance invalidate them at once; changes made elsewhere (another server instance, a CLI
 * command) are seen within the time to live.
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long timeToLiveNanos;

    ExpiringCache(Duration timeToLive) {
        this.timeToLiveNanos = timeToLive.toNanos();
    }

    V get(K key, Function<K, V> load) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry == null || now - entry.expiresAtNanos() >= 0) {
            entry = new Entry<>(load.apply(key), now + timeToLiveNanos);
            entries.put(key, entry);
        }
        return entry.value();
    }

    void invalidate(K key) {
        entries.remove(key);
    }
}
