package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Core's per-connection rate limits, one set of {@link RequestBudget}s per CRM connection on this node.
 * A request waits in place for a short while; a longer wait hands the work back to the queue via
 * {@link CrmThrottle.Saturated}. Nodes do not share budgets: with N nodes, divide the limits by N.
 */
@Component
class ConnectionThrottles {

    private final Map<Long, Throttle> throttles = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxBlock;

    ConnectionThrottles(Clock clock, @Value("${redial.crm.sync.max-throttle-block:PT2S}") Duration maxBlock) {
        this.clock = clock;
        this.maxBlock = maxBlock;
    }

    CrmThrottle forConnection(long connectionId, Map<String, CrmRateLimit> limits) {
        return throttles.computeIfAbsent(connectionId, id -> new Throttle(limits));
    }

    /** The CRM answered "too many requests, wait": every worker on this connection waits. */
    void pause(long connectionId, Duration pause) {
        Throttle throttle = throttles.get(connectionId);
        if (throttle != null) {
            throttle.pause(pause);
        }
    }

    private final class Throttle implements CrmThrottle {
        private final Map<String, RequestBudget> budgets = new HashMap<>();

        Throttle(Map<String, CrmRateLimit> limits) {
            long now = System.nanoTime();
            limits.forEach((bucket, limit) -> budgets.put(bucket, new RequestBudget(limit, now)));
        }

        @Override
        public void acquire(String bucket) {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                RequestBudget all = budgets.get(DEFAULT);
                RequestBudget named = DEFAULT.equals(bucket) ? null : budgets.get(bucket);
                waitNanos = Math.max(all == null ? 0 : all.waitNanos(now), named == null ? 0 : named.waitNanos(now));
                if (waitNanos > maxBlock.toNanos()) {
                    long turn = Math.max(all == null ? 0 : all.denyAndQueue(now), named == null ? 0 : named.denyAndQueue(now));
                    long jitter = ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(200));
                    throw new Saturated(clock.instant().plusNanos(turn + jitter));
                }
                if (all != null) {
                    all.take(now, now + waitNanos);
                }
                if (named != null) {
                    named.take(now, now + waitNanos);
                }
            }
            sleep(waitNanos);
        }

        synchronized void pause(Duration pause) {
            long now = System.nanoTime();
            budgets.values().forEach(b -> b.pause(now, pause));
            if (budgets.isEmpty()) {
                budgets.put(DEFAULT, new RequestBudget(new CrmRateLimit(Integer.MAX_VALUE / 2, Duration.ofSeconds(1)), now));
                budgets.get(DEFAULT).pause(now, pause);
            }
        }
    }

    private static void sleep(long nanos) {
        if (nanos <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmThrottle.Saturated(Instant.now());
        }
    }
}
