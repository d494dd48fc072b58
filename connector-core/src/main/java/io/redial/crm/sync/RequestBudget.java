package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import java.time.Duration;

/**
 * One rate-limit bucket as a virtual schedule (GCRA): each request takes the next free slot, a small
 * burst may go at once, and the long-run rate stays 10 % under the vendor's figure so clock skew and
 * their rolling window never see one request too many. Denied callers are told when their turn comes,
 * counting the others already waiting, so a burst drains in order instead of stampeding. The state is
 * three numbers, so {@link SharedBudgets} can keep it in the database for every node to share.
 */
final class RequestBudget {

    private static final double SAFETY = 1.1;

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;
    private long pausedUntil;
    private int waiting;

    RequestBudget(CrmRateLimit limit, long nowNanos) {
        this(limit, nowNanos, nowNanos, 0);
    }

    /** A budget as stored: its next free slot, the CRM's pause and how many denied callers wait. */
    RequestBudget(CrmRateLimit limit, long theoreticalArrival, long pausedUntil, int waiting) {
        int burst = limit.burst();
        int steady = Math.max(1, limit.requests() - burst);
        this.intervalNanos = (long) (limit.per().toNanos() * SAFETY / steady);
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.theoreticalArrival = theoreticalArrival;
        this.pausedUntil = pausedUntil;
        this.waiting = waiting;
    }

    long theoreticalArrival() {
        return theoreticalArrival;
    }

    long pausedUntil() {
        return pausedUntil;
    }

    int waiting() {
        return waiting;
    }

    /** Nanoseconds until a request may go (0 = now), without taking the slot. */
    long waitNanos(long now) {
        long start = Math.max(Math.max(theoreticalArrival, now) - toleranceNanos, pausedUntil);
        return Math.max(0, start - now);
    }

    /** Takes the slot of a request sent at {@code sendsAt} (now, or after the longest wait of all its budgets). */
    void take(long now, long sendsAt) {
        if (theoreticalArrival < now) {
            waiting = 0; // idle: nobody denied earlier is still owed a turn
        } else if (waiting > 0) {
            waiting--;
        }
        theoreticalArrival = Math.max(theoreticalArrival, sendsAt) + intervalNanos;
    }

    /** Registers a denied caller and says how long until its turn, behind the others already denied. */
    long denyAndQueue(long now) {
        long turn = waitNanos(now) + (long) waiting * intervalNanos;
        waiting++;
        return turn;
    }

    /** The vendor said stop (429 with Retry-After): nothing goes before {@code now + pause}. */
    void pause(long now, Duration pause) {
        pausedUntil = Math.max(pausedUntil, now + pause.toNanos());
    }
}
