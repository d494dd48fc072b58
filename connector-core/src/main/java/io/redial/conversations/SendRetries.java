package io.redial.conversations;

import java.time.Duration;

/**
 * When a text Twilio did not take (unreachable, timing out, 429, 5xx) is tried again: backing off from
 * {@code first}, doubling, at most {@code maxBackoff} apart, until the waits add up to {@code giveUpAfter}; the
 * admin is told once they pass {@code noticeAfter}. Counted in failures, not read off a clock, so the plan is the
 * same on every node and a test can check it whole. By default (1 s, 1 min, 15 min, 2 min) an outage of up to
 * 14 minutes is ridden out and the text goes within a minute of Twilio answering again.
 */
record SendRetries(Duration first, Duration maxBackoff, Duration giveUpAfter, Duration noticeAfter) {

    static final SendRetries DEFAULT = new SendRetries(Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofMinutes(2));

    SendRetries {
        if (first.isNegative() || first.isZero() || maxBackoff.compareTo(first) < 0 || giveUpAfter.compareTo(first) < 0) {
            throw new IllegalArgumentException("redial.texts.retry: first > 0, max-backoff >= first and give-up-after >= first,"
                    + " got " + first + ", " + maxBackoff + ", " + giveUpAfter);
        }
    }

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** The waits before the attempt that follows the {@code failures}-th failure: how long the text has been retried. */
    Duration waitedAfter(int failures) {
        Duration total = Duration.ZERO;
        for (int i = 1; i <= failures; i++) {
            total = total.plus(delayAfter(i));
        }
        return total;
    }

    /** Whether the {@code failures}-th failure in a row ends the retries: the waits before it reached the horizon. */
    boolean givesUpAt(int failures) {
        return waitedAfter(failures - 1).compareTo(giveUpAfter) >= 0;
    }

    /** Whether the {@code failures}-th failure is the first to come {@code noticeAfter} or more into the retries. */
    boolean tellsAdminAt(int failures) {
        return failures >= 2 && waitedAfter(failures - 2).compareTo(noticeAfter) < 0
                && waitedAfter(failures - 1).compareTo(noticeAfter) >= 0;
    }
}
