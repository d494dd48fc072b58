package io.redial.crm;

import java.time.Instant;

/**
 * Core's per-connection rate limiter, handed to adapters inside {@link CrmConnection}. Adapters call
 * {@link #acquire} before every request; it waits briefly or throws {@link Saturated}, which adapters
 * must let through untouched so core can put the work back in the queue.
 */
public interface CrmThrottle {

    String DEFAULT = "default";

    CrmThrottle NONE = bucket -> { };

    /** Takes one request from {@link #DEFAULT} and, when named and limited, from {@code bucket} too. */
    void acquire(String bucket);

    /**
     * The CRM told us (in a successful answer, e.g. a cost budget running low) to hold off: no request goes
     * on this connection, from any node, for {@code pause}. Ignored by throttles that share nothing.
     */
    default void pause(java.time.Duration pause) {
    }

    /** The budget is spent for longer than is worth blocking a worker; try again at {@code retryAt}. */
    final class Saturated extends RuntimeException {
        private final Instant retryAt;

        public Saturated(Instant retryAt) {
            super("request budget spent until " + retryAt, null, false, false);
            this.retryAt = retryAt;
        }

        public Instant retryAt() {
            return retryAt;
        }
    }
}
