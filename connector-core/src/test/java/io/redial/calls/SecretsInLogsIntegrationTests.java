package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The log of a whole conversation, scanned: a missed call texted back, the caller's texts answered by Anna, a
 * carrier refusal, a forged webhook and a bad one. Neither the carrier's credentials, nor the encryption key,
 * nor any caller's full number (in any of the forms a log might print it) may appear in it.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.llm.base-url=", "logging.level.io.redial=DEBUG"})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "secret-auth-token-9f8e7d6c5b4a3210";
    static final String ENCRYPTION_KEY = "c2VjcmV0LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ=";
    static final String LINE = "+15125550760";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> ENCRYPTION_KEY);
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @Test
    void aWholeConversationLogsNoSecretAndNoFullCallerNumber(CapturedOutput log) {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: quiet-plumbing
                    name: Quiet Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550769"]
                """.formatted(LINE)));
        var webhooks = twilio.webhooks(port);
        List<String> callers = List.of("+15125550761", "+15125550762");
        twilio.refuse(callers.get(1), 20429, 1); // a retried send logs a warning with the number in it

        for (int i = 0; i < callers.size(); i++) {
            assertThat(webhooks.postSigned("/twilio/voice/dial-status", dialStatus("CA%032x".formatted(0x760 + i),
                    callers.get(i))).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> twilio.sent().stream().map(FakeTwilio.Sent::to)
                .filter(callers::contains).distinct().count() == callers.size());
        String[] texts = {"my water heater is leaking", "Dana Whitfield", "1200 Barton Springs Rd, Austin TX 78704"};
        for (int i = 0; i < texts.length; i++) {
            assertThat(webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM%032x".formatted(0x760 + i),
                    "AccountSid", ACCOUNT, "From", callers.getFirst(), "To", LINE, "Body", texts[i])).statusCode()).isEqualTo(200);
            int answers = i + 2; // the text-back, then one answer per text
            await().atMost(Duration.ofSeconds(20)).until(() -> twilio.sent().stream()
                    .filter(m -> m.to().equals(callers.getFirst())).count() >= answers);
        }
        assertThat(webhooks.post("/twilio/sms/incoming", Map.of("MessageSid", "SM%032x".formatted(0x7ff), "From",
                callers.getFirst(), "To", LINE, "Body", "forged"), "forged-signature").statusCode()).isEqualTo(403);
        assertThat(webhooks.postSigned("/twilio/voice/dial-status", dialStatus("CA%032x".formatted(0x7fe), "+1512555076x"))
                .statusCode()).isEqualTo(400);

        String output = log.getAll();
        assertThat(output).contains(new PhoneNumber(callers.get(1)).masked()); // the log of the run: the retried send is in it
        assertThat(output).doesNotContain(TOKEN).doesNotContain(ENCRYPTION_KEY);
        for (String caller : callers) {
            String national = caller.substring(2);
            assertThat(output).doesNotContain(caller).doesNotContain(national)
                    .doesNotContain("(%s) %s-%s".formatted(national.substring(0, 3), national.substring(3, 6), national.substring(6)))
                    .doesNotContain("%s-%s-%s".formatted(national.substring(0, 3), national.substring(3, 6), national.substring(6)));
        }
    }

    private static Map<String, String> dialStatus(String callSid, String from) {
        Map<String, String> form = new HashMap<>();
        form.put("CallSid", callSid);
        form.put("AccountSid", ACCOUNT);
        form.put("From", from);
        form.put("To", LINE);
        form.put("CallStatus", "in-progress");
        form.put("Direction", "inbound");
        form.put("DialCallStatus", "no-answer");
        form.put("DialCallDuration", "0");
        return form;
    }
}
