package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The walking skeleton: a signed dial-status webhook over real HTTP → a call row (once per CallSid) →
 * a db-scheduler task → twilio-java sends exactly one SMS to a fake of Twilio's Messages API.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MissedCallTextBackIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC_BASE = "https://redial.example.com";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    TwilioWebhooks webhooks;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: skeleton-plumbing
                    name: Skeleton Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550300"
                        pattern: dial
                        ring: ["+15125550399"]
                """));
        webhooks = twilio.webhooks(port);
    }

    @Test
    void textsBackCallerOnceWhenNobodyAnswered() {
        Map<String, String> form = dialStatus("CA00000000000000000000000000000001", "+15125550143", "no-answer");

        var first = webhooks.postSigned("/twilio/voice/dial-status", form);
        var replay = webhooks.postSigned("/twilio/voice/dial-status", form);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<Response>");
        assertThat(replay.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo("+15125550143") == 1);
        assertThat(count("SELECT COUNT(*) FROM calls WHERE call_sid = 'CA00000000000000000000000000000001'")).isOne();
        var text = twilio.sent().stream().filter(m -> m.to().equals("+15125550143")).findFirst().orElseThrow();
        assertThat(text.from()).isEqualTo("+15125550300");
        assertThat(text.body()).contains("Skeleton Plumbing");
        assertThat(text.statusCallback()).isEqualTo(PUBLIC_BASE + "/twilio/sms/status");
        await().atMost(Duration.ofSeconds(5)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT send_state FROM messages WHERE dedupe_key = 'textback:CA00000000000000000000000000000001'")
                .query(String.class).single()));
        sleepALittle(); // a duplicate send would show up now, not never
        assertThat(sentTo("+15125550143")).isOne();
    }

    @Test
    void callsAPersonAcceptedGetNoText() {
        var ringing = webhooks.postSigned("/twilio/voice/incoming", Map.of("CallSid", "CA00000000000000000000000000000002",
                "From", "+15125550144", "To", "+15125550300", "CallStatus", "ringing", "Direction", "inbound"));
        assertThat(ringing.body()).contains("<Dial", "timeout=\"18\"", "+15125550399", "/twilio/voice/screen");
        var accepted = webhooks.postSigned("/twilio/voice/screen-result?parent=CA00000000000000000000000000000002",
                Map.of("CallSid", "CA90000000000000000000000000000002", "Digits", "1"));
        var response = webhooks.postSigned("/twilio/voice/dial-status",
                dialStatus("CA00000000000000000000000000000002", "+15125550144", "completed"));

        assertThat(accepted.statusCode()).isEqualTo(200);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT outcome FROM calls WHERE call_sid = 'CA00000000000000000000000000000002'")
                .query(String.class).single()).isEqualTo("ANSWERED");
        sleepALittle();
        assertThat(sentTo("+15125550144")).isZero();
    }

    @Test
    void unsignedOrForgedWebhooksAreRefusedAndStoreNothing() {
        long tasksBefore = count("SELECT COUNT(*) FROM scheduled_tasks");
        Map<String, String> form = dialStatus("CA00000000000000000000000000000003", "+15125550145", "no-answer");
        String signedForOtherUrl = TwilioWebhooks.sign(TOKEN, "http://localhost:" + port + "/twilio/voice/dial-status", form);
        String signedWithOtherToken = TwilioWebhooks.sign("not-the-token", PUBLIC_BASE + "/twilio/voice/dial-status", form);
        Map<String, String> tampered = new HashMap<>(form);
        String validForOriginal = TwilioWebhooks.sign(TOKEN, PUBLIC_BASE + "/twilio/voice/dial-status", form);
        tampered.put("DialCallStatus", "busy");

        assertThat(webhooks.post("/twilio/voice/dial-status", form, null).statusCode()).isEqualTo(403);
        assertThat(webhooks.post("/twilio/voice/dial-status", form, signedForOtherUrl).statusCode()).isEqualTo(403);
        assertThat(webhooks.post("/twilio/voice/dial-status", form, signedWithOtherToken).statusCode()).isEqualTo(403);
        assertThat(webhooks.post("/twilio/voice/dial-status", tampered, validForOriginal).statusCode()).isEqualTo(403);
        assertThat(count("SELECT COUNT(*) FROM calls WHERE call_sid = 'CA00000000000000000000000000000003'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM callers WHERE phone = '+15125550145'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks")).isEqualTo(tasksBefore);
    }

    @Test
    void callsToUnknownNumbersGetAPoliteHangUpAndStoreNothing() {
        var response = webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid",
                "CA00000000000000000000000000000004", "From", "+15125550146", "To", "+15125559999",
                "DialCallStatus", "no-answer"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<Say>").contains("<Hangup/>");
        assertThat(count("SELECT COUNT(*) FROM calls WHERE call_sid = 'CA00000000000000000000000000000004'")).isZero();
    }

    @Test
    void malformedWebhooksGetAClear400() {
        var response = webhooks.postSigned("/twilio/voice/dial-status",
                Map.of("CallSid", "CA00000000000000000000000000000005", "To", "+15125550300", "DialCallStatus", "busy"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("From");
    }

    private static Map<String, String> dialStatus(String callSid, String from, String status) {
        Map<String, String> form = new HashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", ACCOUNT);
        form.put("From", from);
        form.put("To", "+15125550300");
        form.put("Caller", from);
        form.put("Called", "+15125550300");
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        form.put("ApiVersion", "2010-04-01");
        form.put("DialCallStatus", status);
        form.put("DialCallSid", "CA9" + callSid.substring(3));
        form.put("DialCallDuration", status.equals("completed") ? "42" : "0");
        form.put("DialBridged", String.valueOf(status.equals("completed")));
        form.put("CallerName", "");
        return form;
    }

    private long sentTo(String to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to)).count();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void sleepALittle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
