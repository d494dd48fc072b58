package io.redial.shared;

import io.micrometer.core.instrument.Metrics;
import org.jspecify.annotations.Nullable;

/**
 * Redial's counters that can only be counted where the thing happens, on Micrometer's global registry: the app
 * binds its Prometheus registry to it (Spring Boot's default); without one, as in core's tests, they count into
 * nothing. Static, so a hot path gains one line and no collaborator. docs/operations.md says what an alert on
 * each means. Tag values are bounded: carrier error codes, fixed reason keys, CRM ids.
 */
public final class Telemetry {

    private Telemetry() {
    }

    /** A text that will not go: refused by the carrier for good, out of retries, or to an opted-out caller. */
    public static void textFailed(@Nullable String reason) {
        Metrics.counter("redial.texts.failed", "reason", reason == null ? "unknown" : reason).increment();
    }

    /** A missed caller not texted, by why (a fixed key, not the sentence stored on the call). */
    public static void textBackSuppressed(String reason) {
        Metrics.counter("redial.textbacks.suppressed", "reason", reason).increment();
    }

    /** A CRM answered "slow down" (a 429 or a Retry-After) to sync work. */
    public static void crmThrottled(String crm) {
        Metrics.counter("redial.crm.throttled", "crm", crm).increment();
    }
}
