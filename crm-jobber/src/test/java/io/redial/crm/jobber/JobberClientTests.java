package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.jobber.internal.client.JobberClient;
import io.redial.crm.jobber.internal.client.JobberOperation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The GraphQL client's reading of Jobber's answers: errors of each channel onto core's outcomes, the cost
 * extension onto a shared pause before the bucket runs dry, version warnings logged once.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobberClientTests {

    static final FakeJobber jobber = new FakeJobber();
    static final String token = jobber.issueAccessToken();

    /** Core's throttle as the client sees it: records the pauses it is asked for. */
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final CrmThrottle throttle = new CrmThrottle() {
        @Override
        public void acquire(String bucket) {
        }

        @Override
        public void pause(Duration pause) {
            pauses.add(pause);
        }
    };

    @AfterAll
    static void stop() {
        jobber.close();
    }

    @BeforeEach
    void fullBucket() {
        jobber.limits(10_000, 500, 2_500);
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 429})
    void throttledIsUnavailableUntilTheBucketHasRefilled(int status) {
        jobber.throttledWithStatus(status);
        jobber.nextRequestThrottled();
        try {
            assertThatThrownBy(this::searchOnce).isInstanceOfSatisfying(CrmUnavailable.class,
                    e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive()));
        } finally {
            jobber.throttledWithStatus(200);
        }
    }

    @Test
    void aQueryDearerThanWhatIsLeftIsThrottledWithTheWaitJobberImplies() {
        jobber.limits(100, 1, 2_500); // the search costs 5 x 5 + 1 = 26 points: three fit, the fourth does not

        for (int i = 0; i < 3; i++) {
            searchOnce();
        }
        assertThatThrownBy(this::searchOnce).isInstanceOfSatisfying(CrmUnavailable.class,
                e -> assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5))));
    }

    @Test
    void aBucketRunningLowPausesEveryNodeBeforeItIsDry() {
        jobber.limits(10_000, 500, 2_500);
        searchOnce();
        assertThat(pauses).isEmpty();

        jobber.limits(1_100, 500, 2_500); // 1,074 left after the search: above the 1,000-point reserve
        searchOnce();
        searchOnce(); // 1,048 left
        jobber.limits(500, 500, 2_500);
        searchOnce(); // 474 left: 526 short of the reserve, about a second at 500 points/s

        assertThat(pauses).singleElement().satisfies(p -> assertThat(p).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1100)));
    }

    @Test
    void aPauseThatCannotBeStoredDoesNotFailAWriteJobberHasMade() {
        jobber.limits(500, 500, 2_500); // every answer now asks for a pause
        CrmThrottle failingToPause = new CrmThrottle() {
            @Override
            public void acquire(String bucket) {
            }

            @Override
            public void pause(Duration pause) {
                throw new IllegalStateException("Deadlock found when trying to get lock");
            }
        };
        var client = JobberCrmGatewayContractTests.provider(jobber, Duration.ofSeconds(20)).client(token, failingToPause);
        int before = jobber.clients().size();

        var created = client.mutate(JobberOperation.CLIENT_CREATE, Map.of("input", Map.of("firstName", "Rosa",
                "phones", List.of(Map.of("number", "+15125550655")))));

        assertThat(created.path("client").path("id").asString()).isNotBlank();
        assertThat(jobber.clients()).hasSize(before + 1);
    }

    @Test
    void theRequestGuardsTooManyRequestsIsUnavailable() {
        jobber.limits(10_000, 500, 1);
        searchOnce();

        assertThatThrownBy(this::searchOnce).isInstanceOfSatisfying(CrmUnavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)));
    }

    @Test
    void aDocumentTheSchemaRejectsIsRejected() {
        // A variable of the wrong scalar: the fake validates it as Jobber does and answers GraphQL errors.
        assertThatThrownBy(() -> client(FakeJobber.VERSION).query(JobberOperation.REQUEST_BY_ID, Map.of("id", "not-an-encoded-id")))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("EncodedId");
    }

    @Test
    void anUnknownVersionIsRejected() {
        assertThatThrownBy(() -> client("2031-01-01").query(JobberOperation.ACCOUNT, Map.of()))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("does not exist");
    }

    @Test
    void aDisconnectedAccountsTokenHasExpired() {
        FakeJobber other = new FakeJobber();
        try {
            String doomed = other.issueAccessToken();
            other.disconnect();
            assertThatThrownBy(() -> JobberCrmGatewayContractTests.provider(other, Duration.ofSeconds(5))
                    .client(doomed, throttle).query(JobberOperation.ACCOUNT, Map.of()))
                    .isInstanceOf(CrmAuthExpired.class);
        } finally {
            other.close();
        }
    }

    @Test
    void aVersionWarningIsLoggedOnceNotPerRequest(CapturedOutput output) {
        JobberCrmProvider old = new JobberCrmProvider(new JobberProperties(FakeJobber.CLIENT_ID, FakeJobber.CLIENT_SECRET,
                jobber.baseUrl(), jobber.baseUrl(), "https://secure.getjobber.com", "2024-12-05", Duration.ofSeconds(2),
                Duration.ofSeconds(20)));

        for (int i = 0; i < 3; i++) {
            old.client(token, throttle).query(JobberOperation.ACCOUNT, Map.of());
        }

        assertThat(output.getAll().split("will be removed on 2026-06-05", -1)).hasSize(2);
    }

    private void searchOnce() {
        client(FakeJobber.VERSION).query(JobberOperation.CLIENTS_BY_PHONE, Map.of("searchTerm", "5125550000"));
    }

    private JobberClient client(String version) {
        return new JobberCrmProvider(new JobberProperties(FakeJobber.CLIENT_ID, FakeJobber.CLIENT_SECRET, jobber.baseUrl(),
                jobber.baseUrl(), "https://secure.getjobber.com", version, Duration.ofSeconds(2), Duration.ofSeconds(20)))
                .client(token, throttle);
    }
}
