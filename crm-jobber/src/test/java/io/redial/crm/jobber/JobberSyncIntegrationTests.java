package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmLinks;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncItem;
import io.redial.crm.sync.SyncKind;
import io.redial.crm.sync.SyncState;
import io.redial.leads.LeadTimeline;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end on the real database, scheduler and HTTP, driven only through signed Twilio webhooks: a missed
 * call is texted back, the caller talks to Anna (the offline receptionist) and books, and Jobber (the fake) ends
 * up with one client, one property, one request, the transcript note and the assessment for the booked window,
 * although the fake answered 500 and THROTTLED along the way.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.textback.lookup-budget=PT10S", "redial.llm.base-url="})
class JobberSyncIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC_BASE = "https://redial.example.com";
    static final TenantId TENANT = new TenantId("jobber-plumbing");
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TWILIO_TOKEN, PUBLIC_BASE);
    static final FakeJobber jobber = new FakeJobber();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired CrmLinks links;
    @Autowired LeadTimeline.RecordLinks recordLinks;
    @Autowired JdbcClient jdbc;

    @Test
    void aMissedCallBookedByAnnaLandsInJobberOnceAsClientPropertyRequestNoteAndAssessment() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: jobber-plumbing
                    name: Jobber Plumbing
                    timezone: America/Chicago
                    trades: [hvac, plumbing]
                    hours: {mon-sun: "08:00-17:00"}
                    service_area: {zips: ["78701-78759"]}
                    lines:
                      - number: "+15125550700"
                        pattern: dial
                        ring: ["+15125550799"]
                """));
        connections.connect(TENANT, JobberCrmProvider.ID, new CrmTokens(jobber.issueAccessToken(), jobber.issueRefreshToken(),
                Instant.now().plusSeconds(3600), FakeJobber.ACCOUNT_ID));
        connections.saveSettings(TENANT, JobberCrmProvider.ID, Map.of("timezone", "America/Chicago"));
        PhoneNumber caller = new PhoneNumber("+15125550277");
        var webhooks = twilio.webhooks(port);

        assertThat(webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA00000000000000000000000000000977",
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550700", "CallStatus", "completed",
                "DialCallStatus", "no-answer", "Direction", "inbound")).statusCode()).isEqualTo(200);
        awaitTexts(caller, 1); // the text-back
        // Jobber has a bad moment while the lead's work runs: a server error, then a spent cost bucket.
        jobber.nextRequestFails(500, null);
        jobber.nextRequestThrottled();

        callerTexts(webhooks, caller, 1, "Hi, my AC is making a rattling noise");
        callerTexts(webhooks, caller, 2, "Dana Whitfield");
        callerTexts(webhooks, caller, 3, "1200 Barton Springs Rd, Austin TX 78704");
        assertThat(texts(caller).getLast()).contains("1)").contains("Reply with the number");
        callerTexts(webhooks, caller, 4, "2");
        assertThat(texts(caller).getLast()).startsWith("You're booked for");
        callerTexts(webhooks, caller, 5, "No thanks, that's all");

        long lead = jdbc.sql("SELECT lead_id FROM calls WHERE call_sid = ?").param("CA00000000000000000000000000000977")
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(90)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty()
                && control.inState(TENANT, SyncState.DONE).stream().map(SyncItem::kind).toList()
                        .containsAll(List.of(SyncKind.LEAD, SyncKind.JOB, SyncKind.TRANSCRIPT)));
        assertThat(control.needingAttention(TENANT)).isEmpty();
        assertThat(jobber.throttledAnswers()).as("the fake did answer THROTTLED").isPositive();

        var client = jobber.clientsWithPhone(caller);
        assertThat(client).singleElement().satisfies(c -> {
            assertThat(c.firstName()).isEqualTo("Dana");
            assertThat(c.lastName()).isEqualTo("Whitfield");
        });
        String clientId = client.getFirst().id();
        assertThat(jobber.propertiesOf(clientId)).singleElement()
                .satisfies(p -> assertThat(p.address()).containsEntry("street1", "1200 Barton Springs Rd").containsEntry("postalCode", "78704"));
        var request = jobber.requestsOf(clientId);
        assertThat(request).singleElement().satisfies(r -> {
            assertThat(r.title()).containsIgnoringCase("hvac").contains("rattling noise");
            assertThat(r.propertyId()).isEqualTo(jobber.propertiesOf(clientId).getFirst().id());
            assertThat(r.details().toString()).contains(PUBLIC_BASE + "/leads/" + lead);
        });
        String requestId = request.getFirst().id();
        assertThat(jobber.notesOf(requestId)).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("rattling noise").contains("Dana Whitfield"));
        assertThat(jobber.assessmentsOf(requestId)).singleElement().satisfies(a -> {
            assertThat(a.timezone()).isEqualTo("America/Chicago");
            assertThat(a.startAt()).isAfter(java.time.LocalDateTime.now().minusDays(1));
        });
        assertThat(jobber.clients()).hasSize(1);
        assertThat(jobber.requests()).hasSize(1);

        // The lead's timeline in the console links to the client and the request in Jobber.
        assertThat(links.ofLead(TENANT, JobberCrmProvider.ID, lead)).filteredOn(l -> List.of("client", "request")
                .contains(l.record().type())).hasSize(2).allSatisfy(l -> assertThat(recordLinks.link(TENANT, "jobber",
                        l.record().type(), l.record().id(), l.record().link() == null ? null : l.record().link().toString())).hasValueSatisfying(uri -> assertThat(uri.toString())
                        .startsWith("https://secure.getjobber.com/" + l.record().type() + "s/")));
    }

    /** The caller's text, through the signed inbound-SMS webhook; waits for Anna's answer (the caller's n-th reply). */
    private static void callerTexts(TwilioWebhooks webhooks, PhoneNumber caller, int n, String body) {
        assertThat(webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM%032d".formatted(n + 900),
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550700", "Body", body)).statusCode()).isEqualTo(200);
        awaitTexts(caller, n + 1);
    }

    private static List<String> texts(PhoneNumber to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to.e164())).map(FakeTwilio.Sent::body).toList();
    }

    private static void awaitTexts(PhoneNumber to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(to).size() >= count);
    }
}
