package io.redial.crm;

import java.time.Duration;

/**
 * At most {@code requests} within any window of length {@code per}, as the vendor counts them. {@code burst}
 * is how many may go at once before the steady pace sets in (a tenth by default); a vendor whose window is
 * long (minutes) gives a large burst, since the rest of the window then runs slower to stay under the limit.
 * A named bucket's requests also count against {@link CrmThrottle#DEFAULT}, unless {@code separate}: the vendor
 * counts them apart (HubSpot's searches have their own 5/s, outside the general budget).
 */
public record CrmRateLimit(int requests, Duration per, int burst, boolean separate) {

    public CrmRateLimit {
        if (requests < 1 || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate limit needs requests >= 1 and a positive window");
        }
        if (burst < 1 || burst >= requests && requests > 1) {
            throw new IllegalArgumentException("a burst is at least 1 and less than the window's requests");
        }
    }

    public CrmRateLimit(int requests, Duration per, int burst) {
        this(requests, per, burst, false);
    }

    public CrmRateLimit(int requests, Duration per) {
        this(requests, per, Math.max(1, requests / 10));
    }

    /** This limit, counted apart from {@link CrmThrottle#DEFAULT}. */
    public CrmRateLimit separately() {
        return new CrmRateLimit(requests, per, burst, true);
    }
}
