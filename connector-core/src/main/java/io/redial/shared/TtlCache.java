package io.redial.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A tiny read-through cache for configuration that changes rarely (tenants, lines, policies) and is read on
 * every webhook. Entries expire after {@code ttl}, so a change made on another node shows within that time;
 * changes made on this node call {@link #clear()}.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long loadedAtMillis) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public TtlCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    public V get(K key, Function<K, V> loader) {
        long now = clock.millis();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.loadedAtMillis() < ttl.toMillis()) {
            return entry.value();
        }
        V value = loader.apply(key);
        entries.put(key, new Entry<>(value, now));
        return value;
    }

    /** A change made on this node: the next read loads afresh. */
    public void invalidate(K key) {
        entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }
}
