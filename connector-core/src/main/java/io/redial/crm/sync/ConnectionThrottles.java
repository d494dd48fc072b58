package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Core's per-connection rate limits, shared by every node through {@link SharedBudgets}: with any number
 * of nodes, one connection's requests together stay under the CRM's limit. A request waits in place for
 * a short while; a longer wait hands the work back to the queue via {@link CrmThrottle.Saturated}.
 */
@Component
class ConnectionThrottles {

    private final SharedBudgets budgets;
    private final Clock clock;
    private final Duration maxBlock;
    private final Map<Long, ReservationQueue> queues = new ConcurrentHashMap<>();

    ConnectionThrottles(SharedBudgets budgets, Clock clock,
            @Value("${redial.crm.sync.max-throttle-block:PT2S}") Duration maxBlock) {
        this.budgets = budgets;
        this.clock = clock;
        this.maxBlock = maxBlock;
    }

    CrmThrottle forConnection(long connectionId, Map<String, CrmRateLimit> limits) {
        return new CrmThrottle() {
            @Override
            public void acquire(String bucket) {
                SharedBudgets.Reservation reservation = queues.computeIfAbsent(connectionId,
                        id -> new ReservationQueue(budgets, id)).reserve(limits, bucket, maxBlock);
                if (!reservation.granted()) {
                    long jitter = ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(200));
                    throw new CrmThrottle.Saturated(clock.instant().plusNanos(reservation.turnNanos() + jitter));
                }
                sleep(reservation.waitNanos());
            }

            @Override
            public void pause(Duration pause) {
                budgets.pause(connectionId, pause);
            }
        };
    }

    /** The CRM answered "too many requests, wait": every worker on this connection, on every node, waits. */
    void pause(long connectionId, Duration pause) {
        budgets.pause(connectionId, pause);
    }

    /** As {@link #pause(long, Duration)}, for the requests of {@code bucket} only unless it is the default. */
    void pause(long connectionId, String bucket, Duration pause) {
        budgets.pause(connectionId, bucket, pause);
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
