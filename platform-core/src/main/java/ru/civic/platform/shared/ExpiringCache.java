package ru.civic.platform.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * A small per-node cache of values that may be a little stale (home page figures, news): each entry is kept for a
 * fixed time on the platform's clock. An entry loaded "in the future" (the clock was moved back) counts as expired,
 * so a value never outlives the period it was loaded for. Keys must carry everything the value depends on, the
 * tenant first of all.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant loadedAt) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration lifetime;

    public ExpiringCache(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The cached value, or a freshly loaded one when there is none or it has expired. */
    public V get(K key, Supplier<V> loader) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && !now.isBefore(entry.loadedAt()) && now.isBefore(entry.loadedAt().plus(lifetime))) {
            return entry.value();
        }
        V value = loader.get();
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    public void evict(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
