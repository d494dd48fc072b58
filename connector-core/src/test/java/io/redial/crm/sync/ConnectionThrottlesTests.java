package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.redial.testing.CoreTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A spent budget, kept in the database, hands work back to the queue with its turn instead of blocking a worker. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="})
class ConnectionThrottlesTests {

    static final AtomicLong connections = new AtomicLong(1000);

    @Autowired SharedBudgets budgets;
    ConnectionThrottles throttles;

    @BeforeEach
    void noBlocking() {
        throttles = new ConnectionThrottles(budgets, Clock.systemUTC(), Duration.ZERO);
    }

    @Test
    void aSpentBudgetSaysWhenToComeBackAndQueuesLaterCallersBehind() {
        CrmThrottle throttle = throttles.forConnection(connections.incrementAndGet(), Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(1, Duration.ofMinutes(1))));
        Instant before = Instant.now();

        throttle.acquire(CrmThrottle.DEFAULT);
        var first = saturated(throttle, CrmThrottle.DEFAULT);
        var second = saturated(throttle, CrmThrottle.DEFAULT);

        assertThat(first.retryAt()).isAfter(before.plusSeconds(60));
        assertThat(second.retryAt()).isAfter(first.retryAt().plusSeconds(30));
    }

    @Test
    void aNamedBucketLimitsOnlyItsOwnRequests() {
        CrmThrottle throttle = throttles.forConnection(connections.incrementAndGet(), Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(100, Duration.ofSeconds(10)),
                "search", new CrmRateLimit(1, Duration.ofMinutes(1))));

        throttle.acquire("search");
        saturated(throttle, "search");
        throttle.acquire(CrmThrottle.DEFAULT);
    }

    @Test
    void aSeparateBucketTakesNothingFromTheDefaultBudget() {
        CrmThrottle throttle = throttles.forConnection(connections.incrementAndGet(), Map.of(
                CrmThrottle.DEFAULT, new CrmRateLimit(1, Duration.ofMinutes(1)),
                "search", new CrmRateLimit(5, Duration.ofSeconds(1)).separately()));

        throttle.acquire(CrmThrottle.DEFAULT);
        saturated(throttle, CrmThrottle.DEFAULT);
        throttle.acquire("search"); // HubSpot counts searches apart from its 110 per 10 s
    }

    @Test
    void aPauseForOneBucketHoldsOnlyItsRequests() {
        long connection = connections.incrementAndGet();
        CrmThrottle throttle = throttles.forConnection(connection, Map.of(CrmThrottle.DEFAULT, new CrmRateLimit(100, Duration.ofSeconds(10)),
                "search", new CrmRateLimit(5, Duration.ofSeconds(1)).separately()));
        throttle.acquire("search");

        throttles.pause(connection, "search", Duration.ofSeconds(30));

        assertThat(saturated(throttle, "search").retryAt()).isAfter(Instant.now().plusSeconds(25));
        throttle.acquire(CrmThrottle.DEFAULT);
    }

    @Test
    void whenTheCrmSaysWaitEveryRequestOnThatConnectionWaits() {
        long paused = connections.incrementAndGet();
        CrmThrottle throttle = throttles.forConnection(paused, Map.of());
        CrmThrottle other = throttles.forConnection(connections.incrementAndGet(), Map.of());

        throttles.pause(paused, Duration.ofSeconds(30));

        assertThat(saturated(throttle, CrmThrottle.DEFAULT).retryAt()).isAfter(Instant.now().plusSeconds(25));
        other.acquire(CrmThrottle.DEFAULT);
    }

    private static CrmThrottle.Saturated saturated(CrmThrottle throttle, String bucket) {
        var thrown = new CrmThrottle.Saturated[1];
        assertThatThrownBy(() -> throttle.acquire(bucket)).isInstanceOfSatisfying(CrmThrottle.Saturated.class, s -> thrown[0] = s);
        return thrown[0];
    }
}
