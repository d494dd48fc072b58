package io.redial.receptionist;

import io.redial.shared.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Per-tenant values that every turn reads but that change rarely (profile, triage rules). A change on this
 * node invalidates at once; other nodes see it within the time-to-live.
 */
final class TenantCache<T> {

    private record Entry<T>(T value, long expiresAt) {
    }

    private final Map<TenantId, Entry<T>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    TenantCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    T get(TenantId tenant, Function<TenantId, T> load) {
        long now = System.nanoTime();
        Entry<T> e = entries.get(tenant);
        if (e == null || now - e.expiresAt() > 0) {
            e = new Entry<>(load.apply(tenant), now + ttlNanos);
            entries.put(tenant, e);
        }
        return e.value();
    }

    void invalidate(TenantId tenant) {
        entries.remove(tenant);
    }
}
