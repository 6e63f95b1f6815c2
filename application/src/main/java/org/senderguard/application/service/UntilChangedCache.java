package org.senderguard.application.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Keeps values read on every message or request (a tenant, its policies, API keys) until they
 * change: changes made through this instance invalidate them as they commit, changes made
 * elsewhere (another server instance, a CLI command) when the tenant change feed reports them.
 * <p>
 * A load that overlaps an invalidation may have read the value from before the change: its caller
 * gets that value, but the cache does not keep it.
 */
final class UntilChangedCache<K, V> {

    private final Map<K, V> entries = new ConcurrentHashMap<>();
    /** Counts invalidations; a load keeps its value only if none happened while it ran. */
    private final AtomicLong invalidations = new AtomicLong();

    /** The value held for the key, or the one {@code load} gives (never null), which is then kept. */
    V get(K key, Function<K, V> load) {
        return find(key, k -> Optional.of(load.apply(k))).orElseThrow();
    }

    /**
     * Like {@link #get}, but keeps only values that exist, so that lookups of made-up keys (a
     * caller guessing API key ids, say) cannot fill the cache.
     */
    Optional<V> find(K key, Function<K, Optional<V>> load) {
        V cached = entries.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = invalidations.get();
        Optional<V> loaded = load.apply(key);
        loaded.ifPresent(value -> keep(key, value, before));
        return loaded;
    }

    /** The value held for the key, without loading it. */
    Optional<V> peek(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void invalidate(K key) {
        invalidations.incrementAndGet();
        entries.remove(key);
    }

    /** Drops every value that {@code changed} selects. */
    synchronized void invalidateIf(Predicate<V> changed) {
        invalidations.incrementAndGet();
        entries.values().removeIf(changed);
    }

    synchronized void invalidateAll() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    /** Under the same lock as the invalidations, so that none can slip in between the check and the put. */
    private synchronized void keep(K key, V value, long before) {
        if (invalidations.get() == before) {
            entries.put(key, value);
        }
    }
}
