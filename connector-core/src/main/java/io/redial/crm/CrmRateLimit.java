package io.redial.crm;

import java.time.Duration;

/** At most {@code requests} within any window of length {@code per}, as the vendor counts them. */
public record CrmRateLimit(int requests, Duration per) {

    public CrmRateLimit {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive window");
        }
    }
}
