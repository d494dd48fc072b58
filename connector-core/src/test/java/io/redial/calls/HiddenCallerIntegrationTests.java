package io.redial.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.leads.LeadCards;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caller who withheld their number (Twilio's From is "anonymous", or the word spelt on a keypad such as
 * "+266696687") is still a missed caller: answered 200, recorded as a lead of its own that says why it was not
 * texted, and never texted.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HiddenCallerIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "test-auth-token-0123456789abcdef";
    static final String LINE = "+15125550700";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN);

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired LeadCards cards;
    TwilioWebhooks webhooks;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hidden-hvac
                    name: Hidden Heating
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550799"]
                """.formatted(LINE)));
        webhooks = twilio.webhooks(port);
    }

    @Test
    void aMissedCallFromAHiddenNumberIsALeadThatIsNotTexted() {
        List<String> withheld = List.of("anonymous", "+266696687", "Restricted", "+8656696", "");
        for (int i = 0; i < withheld.size(); i++) {
            var answer = webhooks.postSigned("/twilio/voice/dial-status", dialStatus("CA%032x".formatted(0x700 + i), withheld.get(i)));
            assertThat(answer.statusCode()).as("From=%s", withheld.get(i)).isEqualTo(200);
            assertThat(answer.body()).contains("<Response>");
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> leads().size() == withheld.size());
        for (long lead : leads()) {
            LeadCards.Card card = cards.of(new TenantId("hidden-hvac"), lead).orElseThrow();
            assertThat(card.caller().hidden()).isTrue();
            assertThat(card.caller().display(new PhoneNumber(LINE))).isEqualTo("Hidden number");
        }
        assertThat(jdbc.sql("SELECT suppression_reason FROM leads WHERE tenant_id = 'hidden-hvac'").query(String.class).list())
                .allMatch(reason -> reason.contains("withheld their number"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE tenant_id = 'hidden-hvac' AND outcome = 'MISSED'")
                .query(Long.class).single()).isEqualTo(withheld.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE tenant_id = 'hidden-hvac' AND direction = 'out'")
                .query(Long.class).single()).isZero();
        assertThat(twilio.sent()).noneMatch(m -> m.to().equals(PhoneNumber.HIDDEN.e164()));
    }

    @Test
    void aNumberThatIsNeitherPhoneNorWithheldIsStillRefused() {
        var answer = webhooks.postSigned("/twilio/voice/dial-status", dialStatus("CA%032x".formatted(0x7ff), "not-a-number"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("From");
    }

    private List<Long> leads() {
        return jdbc.sql("SELECT id FROM leads WHERE tenant_id = 'hidden-hvac' ORDER BY id").query(Long.class).list();
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
