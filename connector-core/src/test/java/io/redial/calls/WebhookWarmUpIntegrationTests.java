package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The start-up warm-up over real HTTP, the real database and a fake Twilio: it runs before the node reports
 * ready, rehearses a missed call through the intake (the decision and the text-back's scheduling included) and
 * the text-back's own decision, and keeps nothing and texts nobody.
 */
@SpringBootTest(classes = {CoreTestApplication.class, WebhookWarmUpIntegrationTests.Watch.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.sandbox.demo-tenant=false", "redial.warm-up.calls=40"})
class WebhookWarmUpIntegrationTests {

    static final String ACCOUNT = "AC11111111111111111111111111111177";
    static final String TOKEN = "warm-up-test-token";
    static final String PUBLIC_BASE = "https://hooks.redial.example";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);
    static final String LINE = "+15125550700";

    /** What the warm-up had done when the node turned ready, and each missed call the intake announced. */
    @TestConfiguration
    static class Watch {
        final AtomicInteger missedCalls = new AtomicInteger();
        final AtomicInteger leadsCaptured = new AtomicInteger();
        volatile int roundsWhenReady = -1;
        @Autowired ObjectProvider<WebhookWarmUp> warmUp;

        @EventListener
        void on(MissedCallDetected missed) {
            missedCalls.incrementAndGet();
        }

        @EventListener
        void on(io.redial.leads.LeadCaptured lead) {
            leadsCaptured.incrementAndGet();
        }

        @EventListener
        void on(AvailabilityChangeEvent<?> change) {
            if (change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                roundsWhenReady = warmUp.getObject().last().rounds();
            }
        }
    }

    @LocalServerPort int port;
    @Autowired WebhookWarmUp warmUp;
    @Autowired Watch watch;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @Test
    void warmsUpBeforeTheNodeReportsReady() {
        // Started on an empty schema: no line yet, so the HTTP half ran, all 40 rounds, before readiness.
        assertThat(watch.roundsWhenReady).isEqualTo(40);
    }

    @Test
    void rehearsesMissedCallsKeepsNothingAndTextsNobody() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: warm-plumbing
                    name: Warm Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550798"]
                """.formatted(LINE)));
        int announcedBefore = watch.missedCalls.get();
        int leadsBefore = watch.leadsCaptured.get();

        warmUp.run(null);

        assertThat(warmUp.last().rounds()).isEqualTo(40);
        assertThat(warmUp.last().failed()).isZero();
        assertThat(watch.missedCalls.get() - announcedBefore).as("missed calls decided in the rolled-back rounds")
                .isEqualTo(40);
        assertThat(watch.leadsCaptured.get() - leadsBefore).as("text-back decisions rehearsed (each captures a lead)")
                .isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM calls")).isZero();
        assertThat(count("SELECT COUNT(*) FROM leads")).isZero();
        assertThat(count("SELECT COUNT(*) FROM conversations")).isZero();
        assertThat(count("SELECT COUNT(*) FROM messages")).isZero();
        assertThat(count("SELECT COUNT(*) FROM callers")).isZero();
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'text-back'")).isZero();

        // A real missed call afterwards is texted, and it is the only text: the warm-up's never went.
        var webhooks = twilio.webhooks(port);
        String sid = "CA000000000000000000000000000be110";
        var answer = webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", sid, "From", "+15125550711",
                "To", LINE, "CallStatus", "in-progress", "DialCallStatus", "no-answer", "DialCallDuration", "0",
                "DialBridged", "false"));
        assertThat(answer.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !twilio.sent().isEmpty());
        assertThat(twilio.sent()).extracting(FakeTwilio.Sent::to).containsExactly("+15125550711");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
