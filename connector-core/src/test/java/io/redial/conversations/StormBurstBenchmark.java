package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.lines.LineDelivery;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The storm harness (not part of the regular suite: its name does not end in Tests). A burst of missed calls on
 * one line, each a signed forwarded-call webhook, texted through the Twilio fake at the line's pace; it prints
 * the last caller's time-to-text (webhook sent → text at the fake) and the queue estimate the dashboard showed:
 * {@code ./mvnw -pl connector-core verify -Dtest=StormBurstBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * {@code -Dbenchmark.calls=N} (default 200), {@code -Dbenchmark.rates=1,4,10} (texts per second).
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.sandbox.demo-tenant=false", "redial.jobs.polling-interval=PT0.2S"})
@DirtiesContext
class StormBurstBenchmark {

    static final String ACCOUNT = "AC50505050505050505050505050505050";
    static final String TOKEN = "storm-token";
    static final String PUBLIC_BASE = "https://hooks.redial.example";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired LineDelivery delivery;

    @Test
    void printsTheLastCallersTimeToTextPerPace() throws Exception {
        int calls = Integer.getInteger("benchmark.calls", 200);
        List<Integer> rates = Arrays.stream(System.getProperty("benchmark.rates", "1,4,10").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        TwilioWebhooks webhooks = twilio.webhooks(port);
        System.out.printf("storm: %d missed calls on one line, texted through the Twilio fake%n", calls);
        for (int rate : rates) {
            burst(webhooks, calls, rate);
        }
    }

    private void burst(TwilioWebhooks webhooks, int calls, int perSecond) throws Exception {
        String tenant = "storm-" + perSecond + "-" + System.nanoTime() % 100_000;
        String line = "+1737555" + String.format("%04d", 1000 + perSecond * 10 + (int) (System.nanoTime() % 10));
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: %s
                    name: Storm Roofing %d
                    timezone: America/Chicago
                    sends_per_minute: %d
                    lines:
                      - number: "%s"
                        pattern: forwarded
                """.formatted(tenant, perSecond, perSecond * 60, line)));
        Map<String, Long> calledAt = new ConcurrentHashMap<>();
        long prefix = System.nanoTime() % 100_000;
        ExecutorService callers = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            String caller = "+1512555%04d".formatted(2000 + i); // callers are the tenant's own: a fresh tenant per burst
            String sid = "CA%032d".formatted(prefix * 1_000_000 + perSecond * 10_000L + i);
            callers.execute(() -> {
                calledAt.put(caller, System.nanoTime());
                webhooks.postSigned("/twilio/voice/incoming", Map.of("CallSid", sid, "AccountSid", ACCOUNT, "From", caller,
                        "To", line, "CallStatus", "ringing", "Direction", "inbound", "ApiVersion", "2010-04-01", "CallerName", ""));
            });
        }
        callers.shutdown();
        callers.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
        long burstSeconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        AtomicLong shownEstimate = new AtomicLong(-1);
        delivery.backlogs(new TenantId(tenant)).stream().findFirst()
                .ifPresent(b -> shownEstimate.set(b.clearsIn().toSeconds()));
        long estimateAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(calls / perSecond * 3L + 60)).pollInterval(Duration.ofMillis(200))
                .until(() -> texted(line, calledAt) == calls);
        long[] waits = calledAt.entrySet().stream().mapToLong(e -> twilio.sent().stream()
                .filter(m -> m.from().equals(line) && m.to().equals(e.getKey())).mapToLong(FakeTwilio.Sent::receivedNanos).min().orElseThrow() - e.getValue())
                .sorted().toArray();
        double lastSeconds = waits[waits.length - 1] / 1e9;
        double estimateError = shownEstimate.get() < 0 ? Double.NaN
                : lastSeconds - Duration.ofNanos(estimateAt - start).toMillis() / 1000.0 - shownEstimate.get();
        System.out.printf("storm: %2d texts/s: last caller texted after %6.1f s (median %5.1f s; calls posted in %d s);"
                        + " the dashboard's estimate %s s, off by %.1f s%n", perSecond, lastSeconds,
                waits[waits.length / 2] / 1e9, burstSeconds, shownEstimate.get() < 0 ? "(no queue)" : shownEstimate.get(),
                estimateError);
        assertThat(waits).hasSize(calls);
    }

    private static long texted(String line, Map<String, Long> calledAt) {
        return twilio.sent().stream().filter(m -> m.from().equals(line)).map(FakeTwilio.Sent::to)
                .filter(calledAt::containsKey).distinct().count();
    }
}
