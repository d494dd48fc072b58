package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Correctly signed webhooks carrying values Twilio never sends — too long for their column, odd characters,
 * unknown statuses — are answered 400 naming the parameter, and nothing of them is stored.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebhookInputIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String LINE = "+15125550600";
    static final String CALL = "CA00000000000000000000000000000600";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    TwilioWebhooks webhooks;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: edge-hvac
                    name: Edge Heating
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550699"]
                """.formatted(LINE)));
        webhooks = twilio.webhooks(port);
    }

    @Test
    void aCallSidOrStatusLongerThanItsColumnIsRefusedWithItsName() {
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("CallSid", "CA" + "0".repeat(100))), "CallSid");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("DialCallStatus", "no-answer".repeat(10))),
                "DialCallStatus");
        assertRefused("/twilio/voice/status", Map.of("CallSid", CALL, "From", "+15125550143", "To", LINE,
                "CallStatus", "x".repeat(40)), "CallStatus");
    }

    @Test
    void oddCharactersAndOutOfRangeNumbersAreRefused() {
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("CallSid", "CA0000000000000000000000000000060'")),
                "CallSid");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("DialCallDuration", "-5")), "DialCallDuration");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("DialCallDuration", "99999999999")),
                "DialCallDuration");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("AnsweredBy", "robot")), "AnsweredBy");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("StirVerstat", "TN-Validation\u0000<script>")),
                "StirVerstat");
        assertRefused("/twilio/voice/dial-status", dialStatus(Map.of("From", "+1512555" + "0".repeat(60))), "From");
        assertRefused("/twilio/voice/voicemail", Map.of("CallSid", CALL, "RecordingUrl", "javascript:alert(1)"),
                "RecordingUrl");
    }

    @Test
    void textsAndDeliveryReportsAreCheckedTheSameWay() {
        Map<String, String> sms = Map.of("MessageSid", "SM00000000000000000000000000000600", "From", "+15125550143",
                "To", LINE, "Body", "x".repeat(1601));
        assertRefused("/twilio/sms/incoming", sms, "Body");
        assertRefused("/twilio/sms/incoming", Map.of("MessageSid", "SMnot-a-sid", "From", "+15125550143", "To", LINE,
                "Body", "hi"), "MessageSid");
        assertRefused("/twilio/sms/status", Map.of("MessageSid", "SM00000000000000000000000000000601",
                "MessageStatus", "teleported"), "MessageStatus");
        assertRefused("/twilio/sms/status", Map.of("MessageSid", "SM00000000000000000000000000000601",
                "MessageStatus", "undelivered", "ErrorCode", "30003; DROP TABLE messages"), "ErrorCode");
        assertThat(count("SELECT COUNT(*) FROM messages")).isZero();
    }

    @Test
    void aBodyLargerThanAnyTwilioSendsIsRefusedBeforeItIsRead() {
        long calls = count("SELECT COUNT(*) FROM calls");
        var answer = webhooks.postSigned("/twilio/voice/dial-status", dialStatus(Map.of("Padding", "x".repeat(70_000))));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 65536 bytes");
        assertThat(count("SELECT COUNT(*) FROM calls")).isEqualTo(calls);
    }

    @Test
    void theSameCallWithTwilioShapedValuesIsTaken() {
        var answer = webhooks.postSigned("/twilio/voice/dial-status", dialStatus(Map.of("AnsweredBy", "machine_start",
                "StirVerstat", "TN-Validation-Passed-A")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM calls WHERE call_sid = '" + CALL + "'")).isOne();
    }

    private void assertRefused(String path, Map<String, String> form, String parameter) {
        long calls = count("SELECT COUNT(*) FROM calls");
        long tasks = count("SELECT COUNT(*) FROM scheduled_tasks");
        HttpResponse<String> answer = webhooks.postSigned(path, form);

        assertThat(answer.statusCode()).as("%s with a bad %s", path, parameter).isEqualTo(400);
        assertThat(answer.body()).contains(parameter);
        assertThat(count("SELECT COUNT(*) FROM calls")).isEqualTo(calls);
        // Finished work of an earlier test may be cleared meanwhile; none may be added.
        assertThat(count("SELECT COUNT(*) FROM scheduled_tasks")).isLessThanOrEqualTo(tasks);
    }

    private static Map<String, String> dialStatus(Map<String, String> overrides) {
        Map<String, String> form = new HashMap<>(Map.of("CallSid", CALL, "From", "+15125550143", "To", LINE,
                "DialCallStatus", "no-answer", "DialCallDuration", "0"));
        form.putAll(overrides);
        return form;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
