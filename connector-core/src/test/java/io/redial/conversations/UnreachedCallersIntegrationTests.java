package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.lines.UnreachedAlerts;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text-back that does not arrive becomes a call-back, end to end: a missed call over signed webhooks, the text
 * through the Twilio fake, then Twilio's own signed delivery callback (or its refusal when the text is handed over).
 * Each error family leaves the lead marked with its reason, a notice and a text to the tenant's alert phone.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.sandbox.demo-tenant=false", "redial.delivery.line-problem-threshold=3"})
class UnreachedCallersIntegrationTests {

    static final String ACCOUNT = "AC27272727272727272727272727272727";
    static final String TOKEN = "unreached-test-token";
    static final String PUBLIC_BASE = "https://hooks.redial.example";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);
    static final TenantId TENANT = new TenantId("storm-roofing");
    static final String LINE = "+15125552700";
    static final String FILTERED_LINE = "+15125552701";
    static final String SERVICE_LINE = "+15125552702";
    static final String ALERT_PHONE = "+15125552799";
    static final String UNKNOWN_SERVICE = "MG27270000000000000000000000000001";

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired UnreachedAlerts alerts;
    @Autowired AdminNotices notices;
    @Autowired JdbcClient jdbc;
    TwilioWebhooks webhooks;
    static final AtomicInteger callers = new AtomicInteger(10);

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: storm-roofing
                    name: Storm Roofing
                    timezone: America/Chicago
                    sends_per_minute: 600
                    lines:
                      - number: "%s"
                        pattern: forwarded
                      - number: "%s"
                        pattern: forwarded
                      - number: "%s"
                        pattern: forwarded
                        messaging_service_sid: %s
                """.formatted(LINE, FILTERED_LINE, SERVICE_LINE, UNKNOWN_SERVICE)));
        alerts.use(TENANT, new PhoneNumber(ALERT_PHONE));
        webhooks = twilio.webhooks(port);
    }

    @ParameterizedTest(name = "{1} {2}: {3}")
    @CsvSource({
            "UNREACHABLE, undelivered, 30003, phone was off",
            "UNKNOWN_NUMBER, undelivered, 30005, not in service",
            "LANDLINE, undelivered, 30006, landline",
            "BLOCKED, undelivered, 30004, blocks texts",
            "CARRIER_FILTERED, undelivered, 30007, filtered the text",
            "UNREGISTERED_SENDER, failed, 30034, not registered for business texting",
            "UNREGISTERED_SENDER, undelivered, 30032, not registered for business texting",
            "EXPIRED, failed, 30036, waited too long",
            "OTHER, undelivered, 30008, did not deliver it"})
    void anUndeliveredTextBackMarksTheLeadAndTellsStaffAtOnce(DeliveryProblem family, String status, String code, String words) {
        String caller = nextCaller();
        FakeTwilio.Sent text = missedCallTextedBack(caller, LINE);

        var answer = twilio.report(text, status, code, webhooks);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(DeliveryProblem.of(code)).isEqualTo(family);
        await().atMost(Duration.ofSeconds(10)).until(() -> notReachedReason(caller) != null);
        assertThat(notReachedReason(caller)).contains(words, "carrier error " + code);
        assertThat(notices.open(TENANT)).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("not-reached");
            assertThat(n.message()).contains(new PhoneNumber(caller).display(new PhoneNumber(LINE)), words, "Call them back");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> textsTo(ALERT_PHONE).anyMatch(m -> m.body()
                .contains(new PhoneNumber(caller).display(new PhoneNumber(LINE)))));
        assertThat(textsTo(ALERT_PHONE).filter(m -> m.body().contains(new PhoneNumber(caller).display(new PhoneNumber(LINE)))))
                .singleElement().satisfies(m -> assertThat(m.body()).contains("did not arrive", words, "call them back"));
    }

    @Test
    void aRepeatedOrLateCallbackTellsNobodyTwice() {
        String caller = nextCaller();
        FakeTwilio.Sent text = missedCallTextedBack(caller, LINE);
        twilio.report(text, "sent", null, webhooks);
        twilio.report(text, "undelivered", "30003", webhooks);
        twilio.report(text, "undelivered", "30003", webhooks);
        twilio.report(text, "failed", "30008", webhooks);

        await().atMost(Duration.ofSeconds(10)).until(() -> notReachedReason(caller) != null);
        pause();
        String shown = new PhoneNumber(caller).display(new PhoneNumber(LINE));
        assertThat(textsTo(ALERT_PHONE).filter(m -> m.body().contains(shown))).hasSize(1);
        assertThat(notices.open(TENANT)).filteredOn(n -> n.message().contains(shown)).hasSize(1);
        assertThat(notReachedReason(caller)).contains("30003");
    }

    @Test
    void aDeliveredTextBackFlagsNothing() {
        String caller = nextCaller();
        FakeTwilio.Sent text = missedCallTextedBack(caller, LINE);
        twilio.report(text, "sent", null, webhooks);
        twilio.report(text, "delivered", null, webhooks);

        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(jdbc.sql(
                "SELECT carrier_status FROM messages WHERE carrier_sid = ?").param(text.sid()).query(String.class).single()));
        assertThat(notReachedReason(caller)).isNull();
    }

    @Test
    void aTextTwilioRefusesWhenHandedOverIsACallBackToo() {
        String caller = nextCaller();
        twilio.refuse(caller, 21211);

        missedCall(caller, LINE);

        await().atMost(Duration.ofSeconds(15)).until(() -> notReachedReason(caller) != null);
        assertThat(notReachedReason(caller)).contains("not in service", "21211");
        assertThat(twilio.sent()).noneMatch(m -> m.to().equals(caller));
    }

    @Test
    void aLineWhoseMessagingServiceTwilioDoesNotKnowStillGetsItsCallersCalledBack() {
        String caller = nextCaller();

        missedCall(caller, SERVICE_LINE);

        await().atMost(Duration.ofSeconds(15)).until(() -> notReachedReason(caller) != null);
        assertThat(notReachedReason(caller)).contains("21705");
        assertThat(twilio.sent()).noneMatch(m -> m.to().equals(caller));
    }

    @Test
    void aRiseOfFilteredTextsOnALineNamesTheLikelyCause() {
        for (int i = 0; i < 3; i++) {
            FakeTwilio.Sent text = missedCallTextedBack(nextCaller(), FILTERED_LINE);
            twilio.report(text, "undelivered", "30007", webhooks);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> notices.open(TENANT).stream()
                .anyMatch(n -> n.kind().equals("line-texts-blocked")));
        assertThat(notices.open(TENANT)).filteredOn(n -> n.kind().equals("line-texts-blocked")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("(512) 555-2701", "filtering", "Likely cause", "templates"));
    }

    private FakeTwilio.Sent missedCallTextedBack(String caller, String line) {
        missedCall(caller, line);
        await().atMost(Duration.ofSeconds(15)).until(() -> textsTo(caller).findAny().isPresent());
        FakeTwilio.Sent text = textsTo(caller).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM messages WHERE carrier_sid = ?")
                .param(text.sid()).query(Long.class).single() == 1);
        return text;
    }

    private void missedCall(String caller, String line) {
        String sid = "CA%032d".formatted(System.nanoTime() % 1_000_000_000_000L * 1000 + callers.get());
        var response = webhooks.postSigned("/twilio/voice/incoming", Map.of("CallSid", sid, "AccountSid", ACCOUNT,
                "From", caller, "To", line, "CallStatus", "ringing", "Direction", "inbound", "ApiVersion", "2010-04-01",
                "CallerName", ""));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private java.util.stream.Stream<FakeTwilio.Sent> textsTo(String to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to));
    }

    private String notReachedReason(String caller) {
        return jdbc.sql("""
                SELECT l.not_reached_reason FROM leads l JOIN callers c ON c.id = l.caller_id
                WHERE l.tenant_id = ? AND c.phone = ? ORDER BY l.id DESC LIMIT 1""")
                .params(TENANT.value(), caller).query(String.class).optional().orElse(null);
    }

    private static String nextCaller() {
        return "+1512555" + (3000 + callers.incrementAndGet());
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
