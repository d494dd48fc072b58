package io.redial.tenants;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Whether a missed caller who never replied gets one more text, after how long, and the quiet hours it must
 * wait out. The instant text-back is a reply to the caller's own call and goes at any hour; a follow-up is
 * not, so it only goes outside quiet hours (default 21:00-08:00, TCPA's 8 am-9 pm window), in the
 * tenant's zone (a local contractor's callers are local).
 */
public record FollowUpPolicy(Duration after, LocalTime quietStart, LocalTime quietEnd) {

    public static final FollowUpPolicy OFF = new FollowUpPolicy(Duration.ZERO, LocalTime.of(21, 0), LocalTime.of(8, 0));

    public FollowUpPolicy {
        if (after.isNegative() || after.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("a follow-up goes within 7 days of the call, or never");
        }
        if (quietStart.equals(quietEnd)) {
            throw new IllegalArgumentException("quiet hours must start and end at different times");
        }
    }

    public boolean enabled() {
        return !after.isZero();
    }

    public boolean isQuiet(LocalTime time) {
        return quietStart.isBefore(quietEnd)
                ? !time.isBefore(quietStart) && time.isBefore(quietEnd)
                : !time.isBefore(quietStart) || time.isBefore(quietEnd); // across midnight
    }

    /** {@code when} itself, or the end of the quiet hours it falls in. */
    public Instant earliestSend(Instant when, ZoneId zone) {
        ZonedDateTime local = when.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return when;
        }
        ZonedDateTime end = local.with(quietEnd);
        return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
    }
}
