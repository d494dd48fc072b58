package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.leads.KnownCustomers;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The text-back promise over real HTTP, the real database and a fake Twilio: every genuinely missed caller
 * gets one text within seconds, nobody else gets one, and each decision is stored with its reason.
 */
@SpringBootTest(classes = {CoreTestApplication.class, TextBackIntegrationTests.Extras.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.sandbox.demo-tenant=false", "redial.textback.lookup-budget=PT3S"})
class TextBackIntegrationTests {

    static final String ACCOUNT = "AC11111111111111111111111111111111";
    static final String TOKEN = "text-back-test-token";
    static final String PUBLIC_BASE = "https://hooks.redial.example";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TOKEN, PUBLIC_BASE);
    static final String DIAL_LINE = "+15125550400";
    static final String IN_ORDER_LINE = "+15125550401";
    static final String FORWARD_LINE = "+15125550402";
    static final String SERVICE_LINE = "+15125550403";
    static final String LOOKUP_LINE = "+15125550404";

    /** A CRM-like directory that knows one caller and is hopelessly slow for another. */
    @TestConfiguration
    static class Extras {
        final List<InboundTextReceived> turns = new CopyOnWriteArrayList<>();

        @Bean
        KnownCustomers knownCustomers() {
            return (tenant, phone) -> {
                if (phone.e164().equals("+15125550471")) {
                    return Optional.of(new KnownCustomers.KnownCustomer("Maria", "Maria Lopez", "crm-42"));
                }
                if (phone.e164().equals("+15125550472")) {
                    sleep(10_000);
                }
                return Optional.empty();
            };
        }

        @EventListener
        void on(InboundTextReceived turn) {
            turns.add(turn);
        }
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    @Autowired Extras extras;
    TwilioWebhooks webhooks;
    static final AtomicInteger sids = new AtomicInteger();

    @BeforeEach
    void provision() {
        twilio.registrations.service("MG0123456789abcdef0123456789abcdef", FakeTwilio.POOL_NUMBER); // Twilio refuses a service it does not know
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: acme-plumbing
                    name: Acme Plumbing
                    timezone: America/Chicago
                    staff: ["+15125550498"]
                    on_call: ["+15125550497"]
                    reject_failed_caller_id: true
                    served_countries: [US]
                    blocklist: ["+15125550466"]
                    sends_per_minute: 600
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550498", "+15125550499"]
                        ring_timeout_seconds: 15
                      - number: "%s"
                        pattern: dial
                        ring_strategy: sequential
                        ring: ["+15125550498", "+15125550499"]
                      - number: "%s"
                        pattern: forwarded
                        forwarded_from: "+15125557000"
                      - number: "%s"
                        pattern: forwarded
                        messaging_service_sid: MG0123456789abcdef0123456789abcdef
                  - id: careful-electric
                    name: Careful Electric
                    timezone: America/Chicago
                    line_type_lookup: true
                    lines:
                      - number: "%s"
                        pattern: forwarded
                """.formatted(DIAL_LINE, IN_ORDER_LINE, FORWARD_LINE, SERVICE_LINE, LOOKUP_LINE)));
        webhooks = twilio.webhooks(port);
    }

    private static final String PARENT = "CA0000000000000000000000000000a11e";

    @Test
    void ringsTheWholeTeamAtOnceWithScreening() {
        var twiml = incoming(newSid(), "+15125550410", DIAL_LINE, Map.of()).body();

        assertThat(twiml).contains("action=\"" + PUBLIC_BASE + "/twilio/voice/dial-status\"", "timeout=\"15\"",
                ">+15125550498</Number>", ">+15125550499</Number>", "url=\"" + PUBLIC_BASE + "/twilio/voice/screen\"");
        assertThat(webhooks.postSigned("/twilio/voice/screen", Map.of("CallSid", newSid(), "ParentCallSid", PARENT)).body())
                .contains("<Gather", "numDigits=\"1\"", "screen-result?parent=" + PARENT, "Press 1");
    }

    @Test
    void ringsInOrderThenTextsWhenNobodyAnswers() {
        String sid = newSid();
        assertThat(incoming(sid, "+15125550411", IN_ORDER_LINE, Map.of()).body())
                .contains("+15125550498").doesNotContain("+15125550499");

        assertThat(dialStatus(sid, "+15125550411", IN_ORDER_LINE, "no-answer").body()).contains("+15125550499</Number>");
        assertThat(dialStatus(sid, "+15125550411", IN_ORDER_LINE, "no-answer").body()).contains("<Record");

        awaitTexts("+15125550411", 1);
        assertThat(callColumn(sid, "outcome")).isEqualTo("MISSED");
    }

    @Test
    void aForwardedCallIsTextedAtOnceAndOfferedVoicemail() {
        String sid = newSid();
        var twiml = incoming(sid, "+15125550412", FORWARD_LINE, Map.of("ForwardedFrom", "+15125557000")).body();

        assertThat(twiml).contains("Acme Plumbing", "<Record", "/twilio/voice/voicemail");
        awaitTexts("+15125550412", 1);
        assertThat(callColumn(sid, "outcome_reason")).contains("forwarded a call the business did not answer");
        assertThat(lastTextTo("+15125550412")).contains("Acme Plumbing", "We're closed");
    }

    @Test
    void aLineWithAMessagingServiceSendsThroughItAndKeepsTheVoicemail() {
        String sid = newSid();
        incoming(sid, "+15125550409", SERVICE_LINE, Map.of());
        var goodbye = webhooks.postSigned("/twilio/voice/voicemail", Map.of("CallSid", sid, "From", "+15125550409",
                "To", SERVICE_LINE, "RecordingUrl", "https://api.twilio.com/recordings/RE123", "RecordingDuration", "14"));

        awaitTexts("+15125550409", 1);
        var text = twilio.sent().stream().filter(m -> m.to().equals("+15125550409")).findFirst().orElseThrow();
        assertThat(text.messagingServiceSid()).isEqualTo("MG0123456789abcdef0123456789abcdef");
        assertThat(text.from()).as("the number the service's pool picked, not one we named")
                .isEqualTo(FakeTwilio.POOL_NUMBER);
        assertThat(goodbye.body()).contains("<Hangup/>");
        assertThat(callColumn(sid, "voicemail_url")).isEqualTo("https://api.twilio.com/recordings/RE123");
    }

    @Test
    void aTenantWithLineTypeLookupNeverTextsALandlineAndLooksEachNumberUpOnce() {
        twilio.lineType("+15125550480", "landline");
        String landline = newSid();
        incoming(landline, "+15125550480", LOOKUP_LINE, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(landline, "text_decision") != null);
        int lookupsAfterFirst = twilio.lookups();
        String again = newSid();
        incoming(again, "+15125550480", LOOKUP_LINE, Map.of());
        String mobile = newSid();
        incoming(mobile, "+15125550481", LOOKUP_LINE, Map.of());

        awaitTexts("+15125550481", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(again, "text_decision") != null);
        assertThat(callColumn(landline, "text_decision")).contains("cannot take texts");
        assertThat(twilio.attemptsTo("+15125550480")).isZero();
        assertThat(twilio.lookups()).isEqualTo(lookupsAfterFirst + 1); // the landline was not looked up again
    }

    @Test
    void theTenantIsFoundFromForwardedFromWhenToIsNotALine() {
        String sid = newSid();
        incoming(sid, "+15125550413", "+15125559900", Map.of("ForwardedFrom", "+15125557000"));

        awaitTexts("+15125550413", 1);
        assertThat(callColumn(sid, "tenant_id")).isEqualTo("acme-plumbing");
    }

    @Test
    void aCallerWhoGivesUpWhileRingingIsTextedUnlessTheyHungUpTooFast() {
        String patient = newSid();
        String hasty = newSid();
        incoming(patient, "+15125550414", DIAL_LINE, Map.of());
        incoming(hasty, "+15125550415", DIAL_LINE, Map.of());

        status(patient, "+15125550414", "completed", 12);
        status(hasty, "+15125550415", "completed", 1);

        awaitTexts("+15125550414", 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> callColumn(hasty, "outcome") != null);
        assertThat(callColumn(hasty, "outcome")).isEqualTo("HUNG_UP_TOO_FAST");
        assertThat(twilio.attemptsTo("+15125550415")).isZero();
    }

    @Test
    void outOfOrderAndRepeatedCallbacksGiveOneText() {
        String sid = newSid();
        incoming(sid, "+15125550416", DIAL_LINE, Map.of());
        status(sid, "+15125550416", "completed", 30);
        dialStatus(sid, "+15125550416", DIAL_LINE, "no-answer");
        dialStatus(sid, "+15125550416", DIAL_LINE, "no-answer");
        status(sid, "+15125550416", "completed", 30);

        awaitTexts("+15125550416", 1);
        pause(Duration.ofSeconds(6)); // past the decide-later grace: a second text would be here by now
        assertThat(twilio.attemptsTo("+15125550416")).isOne();
        assertThat(callColumn(sid, "outcome_reason")).isEqualTo("nobody answered within the ring timeout");
    }

    @Test
    void suppressedCallersGetNoTextButStillBecomeLeads() {
        String blocked = missedCall("+15125550466", Map.of());
        String spoofed = missedCall("+15125550417", Map.of("StirVerstat", "TN-Validation-Failed-B"));
        String abroad = missedCall("+525512345678", Map.of());
        String onCall = missedCall("+15125550497", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(abroad, "text_decision") != null
                && callColumn(blocked, "text_decision") != null && callColumn(spoofed, "text_decision") != null);
        assertThat(callColumn(blocked, "text_decision")).contains("blocklist");
        assertThat(callColumn(spoofed, "text_decision")).contains("failed attestation");
        assertThat(callColumn(abroad, "text_decision")).contains("outside the countries");
        assertThat(callColumn(onCall, "outcome")).isEqualTo("NOT_A_LEAD");
        assertThat(jdbc.sql("SELECT suppression_reason FROM leads l JOIN calls c ON c.lead_id = l.id WHERE c.call_sid = ?")
                .param(blocked).query(String.class).single()).contains("blocklist");
        assertThat(twilio.attemptsTo("+15125550466") + twilio.attemptsTo("+15125550417")
                + twilio.attemptsTo("+525512345678") + twilio.attemptsTo("+15125550497")).isZero();
    }

    @Test
    void aCallerWhoTextedStopIsNeverTextedBack() {
        sms("+15125550418", "  Stop ");
        sms("+15125550418", "STOP"); // a second STOP gets no second confirmation
        awaitTexts("+15125550418", 1);
        assertThat(lastTextTo("+15125550418")).contains("unsubscribed");

        String sid = missedCall("+15125550418", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(sid, "text_decision") != null);
        assertThat(callColumn(sid, "text_decision")).contains("opted out");

        sms("+15125550418", "start");
        awaitTexts("+15125550418", 2);
        assertThat(lastTextTo("+15125550418")).contains("resubscribed");
    }

    @Test
    void helpAnswersWithTheBusinessAndOtherTextsBecomeConversationTurns() {
        sms("+15125550419", "help");
        awaitTexts("+15125550419", 1);
        assertThat(lastTextTo("+15125550419")).contains("Acme Plumbing", "(512) 555-0400");

        sms("+15125550419", "My water heater is leaking");
        await().atMost(Duration.ofSeconds(5)).until(() -> extras.turns.stream()
                .anyMatch(t -> t.caller().e164().equals("+15125550419")));
        var turn = extras.turns.stream().filter(t -> t.caller().e164().equals("+15125550419")).findFirst().orElseThrow();
        assertThat(turn.body()).isEqualTo("My water heater is leaking");
        assertThat(turn.conversationId()).isPositive();
    }

    @Test
    void repeatCallsInsideTheWindowJoinTheConversationWithAtMostOneSawYouCalledAgain() {
        missedCall("+15125550420", Map.of());
        awaitTexts("+15125550420", 1);
        missedCall("+15125550420", Map.of());
        awaitTexts("+15125550420", 2);
        String third = missedCall("+15125550420", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(third, "text_decision") != null);

        assertThat(lastTextTo("+15125550420")).contains("we saw you called again");
        assertThat(callColumn(third, "text_decision")).contains("already told them once");
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT conversation_id) FROM calls WHERE from_number = '+15125550420'")
                .query(Long.class).single()).isOne();
        pause(Duration.ofSeconds(1));
        assertThat(twilio.attemptsTo("+15125550420")).isEqualTo(2);
    }

    @Test
    void knownCustomersAreGreetedByNameAndASlowDirectoryNeverHoldsTheTextBack() {
        String known = missedCall("+15125550471", Map.of());
        missedCall("+15125550472", Map.of());

        awaitTexts("+15125550471", 1);
        awaitTexts("+15125550472", 1);
        assertThat(lastTextTo("+15125550471")).startsWith("Hi Maria,");
        assertThat(lastTextTo("+15125550472")).startsWith("Hi there,");
        assertThat(jdbc.sql("SELECT l.existing_customer FROM leads l JOIN calls c ON c.lead_id = l.id WHERE c.call_sid = ?")
                .param(known).query(Boolean.class).single()).isTrue();
    }

    @Test
    void carrierRefusalsAreRememberedAndNeverRetried() {
        // Each refusal, and the text-back not tried again, is counted for the operator (the app exports these).
        var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        io.micrometer.core.instrument.Metrics.addRegistry(meters);
        try {
            carrierRefusals();
            assertThat(meters.get("redial.texts.failed").tag("reason", "21610").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("redial.texts.failed").tag("reason", "21614").counter().count()).isEqualTo(1.0);
            assertThat(meters.get("redial.textbacks.suppressed").tag("reason", "not-textable").counter().count())
                    .isEqualTo(1.0);
        } finally {
            io.micrometer.core.instrument.Metrics.removeRegistry(meters);
        }
    }

    private void carrierRefusals() {
        twilio.refuse("+15125550421", 21610);
        twilio.refuse("+15125550422", 21614);
        missedCall("+15125550421", Map.of());
        missedCall("+15125550422", Map.of());

        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(textState("+15125550421"))
                && "FAILED".equals(textState("+15125550422")));
        assertThat(jdbc.sql("SELECT opted_out_at IS NOT NULL FROM callers WHERE phone = '+15125550421'")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT sms_capable FROM callers WHERE phone = '+15125550422'")
                .query(Boolean.class).single()).isFalse();
        pause(Duration.ofSeconds(2));
        assertThat(twilio.attemptsTo("+15125550421")).isOne();
        assertThat(twilio.attemptsTo("+15125550422")).isOne();

        String again = missedCall("+15125550422", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> callColumn(again, "text_decision") != null);
        assertThat(callColumn(again, "text_decision")).contains("cannot take texts");
    }

    @Test
    void rateLimitsAndOutagesAreRetriedWithoutDoubleTexting() {
        twilio.refuse("+15125550423", 20429, 2);
        twilio.refuse("+15125550424", 20500, 1);
        missedCall("+15125550423", Map.of());
        missedCall("+15125550424", Map.of());

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(textState("+15125550423"))
                && "SENT".equals(textState("+15125550424")));
        assertThat(twilio.attemptsTo("+15125550423")).isEqualTo(3);
        assertThat(twilio.attemptsTo("+15125550424")).isEqualTo(2);
        assertThat(twilio.sent().stream().filter(m -> m.to().equals("+15125550424")).count()).isOne();
    }

    @Test
    void deliveryReportsOnlyMoveForward() {
        missedCall("+15125550425", Map.of());
        awaitTexts("+15125550425", 1);
        String messageSid = twilio.sent().stream().filter(m -> m.to().equals("+15125550425")).findFirst().orElseThrow().sid();

        assertThat(deliveryReport(messageSid, "delivered").statusCode()).isEqualTo(204);
        deliveryReport(messageSid, "sent"); // late and out of order
        deliveryReport(messageSid, "queued");

        assertThat(jdbc.sql("SELECT carrier_status FROM messages WHERE carrier_sid = ?").param(messageSid)
                .query(String.class).single()).isEqualTo("delivered");
        assertThat(webhooks.post("/twilio/sms/status", Map.of("MessageSid", messageSid, "MessageStatus", "failed"), "forged")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aDeliveryReportNamingACallersTextChangesNothing() {
        String sid = "SM" + newSid().substring(2);
        assertThat(webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", sid, "AccountSid", ACCOUNT,
                "From", "+15125550426", "To", DIAL_LINE, "Body", "hello", "NumMedia", "0")).statusCode()).isEqualTo(200);

        // was a 500: the caller's text has no carrier status to move forward from
        assertThat(deliveryReport(sid, "delivered").statusCode()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE carrier_sid = ? AND carrier_status IS NULL").param(sid)
                .query(Long.class).single()).isOne();
    }

    @Test
    void textsFromOneSenderArePaced() {
        for (int i = 0; i < 3; i++) {
            missedCall("+1512555043" + i, Map.of());
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM messages WHERE to_number LIKE '+151255504%' AND to_number BETWEEN '+15125550430' AND '+15125550432' AND send_state = 'SENT'")
                .query(Long.class).single() == 3);
        List<Long> slots = jdbc.sql("""
                SELECT send_after_ms FROM messages WHERE to_number BETWEEN '+15125550430' AND '+15125550432'
                ORDER BY send_after_ms""").query(Long.class).list();
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i) - slots.get(i - 1)).as(slots.toString()).isGreaterThanOrEqualTo(100);
        }
    }

    private String missedCall(String from, Map<String, String> extra) {
        String sid = newSid();
        incoming(sid, from, DIAL_LINE, extra);
        dialStatus(sid, from, DIAL_LINE, "no-answer");
        return sid;
    }

    private java.net.http.HttpResponse<String> incoming(String sid, String from, String to, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("CallSid", sid, "AccountSid", ACCOUNT, "From", from, "To", to,
                "CallStatus", "ringing", "Direction", "inbound", "ApiVersion", "2010-04-01", "CallerName", ""));
        form.putAll(extra);
        var response = webhooks.postSigned("/twilio/voice/incoming", form);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private java.net.http.HttpResponse<String> dialStatus(String sid, String from, String to, String status) {
        return webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", sid, "From", from, "To", to,
                "CallStatus", "in-progress", "DialCallStatus", status, "DialCallDuration", "0", "DialBridged", "false"));
    }

    private void status(String sid, String from, String status, int seconds) {
        var response = webhooks.postSigned("/twilio/voice/status", Map.of("CallSid", sid, "From", from, "To", DIAL_LINE,
                "CallStatus", status, "CallDuration", String.valueOf(seconds)));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void sms(String from, String body) {
        var response = webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM" + newSid().substring(2),
                "AccountSid", ACCOUNT, "From", from, "To", DIAL_LINE, "Body", body, "NumMedia", "0"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> deliveryReport(String messageSid, String status) {
        return webhooks.postSigned("/twilio/sms/status", Map.of("MessageSid", messageSid, "MessageStatus", status,
                "AccountSid", ACCOUNT, "To", "+15125550425", "From", DIAL_LINE));
    }

    private void awaitTexts(String to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> twilio.sent().stream().filter(m -> m.to().equals(to)).count() >= count);
    }

    private String lastTextTo(String to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to)).reduce((a, b) -> b).orElseThrow().body();
    }

    private String textState(String to) {
        return jdbc.sql("SELECT send_state FROM messages WHERE to_number = ? AND direction = 'out' ORDER BY id DESC LIMIT 1")
                .param(to).query(String.class).optional().orElse(null);
    }

    private String callColumn(String sid, String column) {
        return jdbc.sql("SELECT " + column + " FROM calls WHERE call_sid = ?").param(sid).query(String.class).optional()
                .orElse(null);
    }

    private static String newSid() {
        return "CA%032d".formatted(System.nanoTime() % 1_000_000_000_000L * 1000 + sids.incrementAndGet() % 1000);
    }

    private static void pause(Duration d) {
        sleep(d.toMillis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
