package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 19.1, Twilio unreachable for five minutes: the packaged plan, walked failure by failure. The integration
 * test ({@code TwilioFaultsIntegrationTests}) runs the same code with the durations scaled down.
 */
class SendRetriesTests {

    private final SendRetries plan = SendRetries.DEFAULT;

    @Test
    void aHiccupIsRetriedInsideTheSixtySecondPromise() {
        assertThat(IntStream.rangeClosed(1, 5).mapToObj(plan::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L);
        assertThat(plan.waitedAfter(5)).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void retriesAreNeverMoreThanAMinuteApartAndLastAtLeastTenMinutes() {
        int lastFailure = IntStream.iterate(1, n -> n + 1).filter(plan::givesUpAt).findFirst().orElseThrow();
        IntStream.range(1, lastFailure).forEach(n -> assertThat(plan.delayAfter(n)).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(plan.waitedAfter(lastFailure - 1)).as("retried for").isGreaterThanOrEqualTo(Duration.ofMinutes(10))
                .isLessThan(Duration.ofMinutes(16));
    }

    /**
     * Twilio down from the first attempt (t = 0) for five minutes: every attempt before 300 s fails, none ends the
     * retries, the admin is told once, and the first attempt after Twilio is back comes within a minute.
     */
    @Test
    void aFiveMinuteOutageIsRiddenOutAndTheTextGoesWithinAMinuteOfTwiliosReturn() {
        Duration outage = Duration.ofMinutes(5);
        int failures = 0;
        int told = 0;
        Duration nextAttempt = Duration.ZERO;
        while (nextAttempt.compareTo(outage) < 0) { // this attempt fails
            failures++;
            assertThat(plan.givesUpAt(failures)).as("gives up at failure %d, %s in", failures, nextAttempt).isFalse();
            told += plan.tellsAdminAt(failures) ? 1 : 0;
            nextAttempt = plan.waitedAfter(failures);
        }
        assertThat(nextAttempt).as("the attempt that finds Twilio back").isBetween(outage, outage.plusMinutes(1));
        assertThat(told).as("admin notices").isOne();
        assertThat(failures).isEqualTo(10); // 1+2+4+8+16+32 s, then a minute apart: 63, 123, 183, 243 s, then 303 s
    }

    @Test
    void theAdminIsToldOnceTheOutageHasLastedTwoMinutes() {
        int told = IntStream.iterate(1, n -> n + 1).filter(plan::tellsAdminAt).findFirst().orElseThrow();
        assertThat(plan.waitedAfter(told - 2)).as("into the retries at the failure before").isLessThan(Duration.ofMinutes(2));
        assertThat(plan.waitedAfter(told - 1)).as("into the retries at this failure").isGreaterThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(IntStream.rangeClosed(1, 40).filter(plan::tellsAdminAt).count()).isOne();
    }

    @Test
    void aPlanThatCannotWorkIsRefusedNamingItsSettings() {
        assertThatThrownBy(() -> new SendRetries(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofMinutes(2))).hasMessageContaining("redial.texts.retry");
        assertThatThrownBy(() -> new SendRetries(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(15),
                Duration.ofMinutes(2))).hasMessageContaining("max-backoff");
    }
}
