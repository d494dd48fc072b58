package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmRateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget on a simulated clock: greedy callers never exceed the vendor's window, and a pause holds. */
class RequestBudgetTests {

    static final long SECOND = 1_000_000_000L;

    @Test
    void greedyCallersNeverPutMoreThanTheLimitIntoAnyWindow() {
        var limit = new CrmRateLimit(100, Duration.ofSeconds(10));
        List<Long> sent = drain(new RequestBudget(limit, 0), 1_000);

        assertThat(maxInAnyWindow(sent, 10 * SECOND)).isLessThanOrEqualTo(100);
        assertThat(sent.getLast()).as("still uses most of the budget: within 25 % of the ideal 100 s")
                .isLessThan(125 * SECOND);
    }

    @Test
    void aSmallPerSecondLimitHoldsToo() {
        List<Long> sent = drain(new RequestBudget(new CrmRateLimit(4, Duration.ofSeconds(1)), 0), 200);

        assertThat(maxInAnyWindow(sent, SECOND)).isLessThanOrEqualTo(4);
    }

    @Test
    void nothingGoesDuringAPauseTheCrmAskedFor() {
        var budget = new RequestBudget(new CrmRateLimit(100, Duration.ofSeconds(10)), 0);
        budget.pause(0, Duration.ofSeconds(7));

        assertThat(budget.waitNanos(0)).isEqualTo(7 * SECOND);
        assertThat(budget.waitNanos(8 * SECOND)).isZero();
    }

    @Test
    void deniedCallersAreToldTurnsInQueueOrder() {
        var budget = new RequestBudget(new CrmRateLimit(10, Duration.ofSeconds(10)), 0);
        drain(budget, 10);
        long first = budget.denyAndQueue(0);
        long second = budget.denyAndQueue(0);

        assertThat(second).isGreaterThan(first);
    }

    /** Each request goes at the earliest time the budget allows, one after another. */
    private static List<Long> drain(RequestBudget budget, int requests) {
        List<Long> sent = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < requests; i++) {
            now += budget.waitNanos(now);
            budget.take(now, now);
            sent.add(now);
        }
        return sent;
    }

    private static int maxInAnyWindow(List<Long> times, long window) {
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= window) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }
}
