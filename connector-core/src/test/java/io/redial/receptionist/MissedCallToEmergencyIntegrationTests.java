package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole promise through the production webhooks only: a missed call is texted back, the caller's
 * reply reports a gas smell, Anna sends the safety text and pages on-call, and the tech's "1" from their
 * phone acknowledges the page and tells the caller.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "redial.sandbox.demo-tenant=false")
class MissedCallToEmergencyIntegrationTests {

    static final String ACCOUNT = "AC22222222222222222222222222222222";
    static final String TOKEN = "emergency-test-token";
    static final String PUBLIC_BASE = "https://hooks.redial.example";
    static final String LINE = "+15125550700";
    static final String CALLER = "+15125550743";
    static final String ON_CALL = "+15125550911";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @Test
    void aGasSmellReportedByTextIsEscalatedAndTheOnCallAcknowledgementReachesTheCaller() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: gas-hvac
                    name: Gas Safe HVAC
                    timezone: America/Chicago
                    trades: [hvac, plumbing]
                    on_call: ["%s"]
                    on_call_ack_minutes: 5
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550799"]
                """.formatted(ON_CALL, LINE)));
        var webhooks = twilio.webhooks(port);

        webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA70000000000000000000000000000001",
                "From", CALLER, "To", LINE, "CallStatus", "in-progress", "DialCallStatus", "no-answer"));
        awaitTexts(CALLER, 1);

        webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM70000000000000000000000000000001",
                "From", CALLER, "To", LINE, "Body", "I smell gas in the kitchen, it's really strong"));
        awaitTexts(ON_CALL, 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(CALLER).stream()
                .anyMatch(body -> body.toLowerCase().contains("leave"))); // the safety text: leave the building
        assertThat(texts(ON_CALL).getFirst()).contains(CALLER, "Reply 1 or YES");

        webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM70000000000000000000000000000002",
                "From", ON_CALL, "To", LINE, "Body", "1"));
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(CALLER).stream()
                .anyMatch(b -> b.contains("on-call technician has your message")));
        assertThat(jdbc.sql("SELECT state FROM escalations WHERE tenant_id = 'gas-hvac'").query(String.class).single())
                .isEqualTo("ACKNOWLEDGED");
    }

    private static java.util.List<String> texts(String to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to)).map(FakeTwilio.Sent::body).toList();
    }

    private static void awaitTexts(String to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(to).size() >= count);
    }
}
