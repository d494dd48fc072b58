package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncItem;
import io.redial.crm.sync.SyncKind;
import io.redial.crm.sync.SyncState;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end on the real database, scheduler and HTTP: a missed call is texted back, the lead and its
 * conversation become a booking, and HubSpot (the fake) ends up with one contact carrying the missed
 * call, the transcript note and the deal. Everything is driven through the signed Twilio webhooks: the
 * caller's texts reach Anna (the offline receptionist), who books; nothing is published by the test.
 */
// A generous look-up budget: the first CRM call of a cold JVM on a busy machine is slow; budgets are tested in core.
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.textback.lookup-budget=PT10S", "redial.llm.base-url="})
class HubSpotSyncIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC_BASE = "https://redial.example.com";
    static final TenantId TENANT = new TenantId("hubspot-plumbing");
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TWILIO_TOKEN, PUBLIC_BASE);
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired JdbcClient jdbc;

    @Test
    void anExistingHubSpotCustomerIsGreetedByNameInTheTextBack() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hubspot-roofing
                    name: HubSpot Roofing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550801"
                        pattern: dial
                        ring: ["+15125550899"]
                """));
        connections.connect(new TenantId("hubspot-roofing"), HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
        hubspot.seedContact(Map.of("firstname", "Dolores", "lastname", "Park", "phone", "+15125550166"));

        var webhook = twilio.webhooks(port)
                .postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA00000000000000000000000000000778",
                        "AccountSid", ACCOUNT, "From", "+15125550166", "To", "+15125550801", "CallStatus", "completed",
                        "DialCallStatus", "no-answer", "Direction", "inbound"));

        assertThat(webhook.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sent().stream().anyMatch(m -> m.to().equals("+15125550166")));
        assertThat(twilio.sent().stream().filter(m -> m.to().equals("+15125550166")).findFirst().orElseThrow().body())
                .startsWith("Hi Dolores,");
        assertThat(jdbc.sql("""
                SELECT l.existing_customer FROM leads l JOIN calls c ON c.lead_id = l.id WHERE c.call_sid = ?""")
                .param("CA00000000000000000000000000000778").query(Boolean.class).single()).isTrue();
    }

    @Test
    void aMissedCallBookedByAnnaOverTextLandsInHubSpotOnceWithCallNoteDealAndMeeting() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hubspot-plumbing
                    name: HubSpot Plumbing
                    timezone: America/Chicago
                    trades: [hvac, plumbing]
                    hours: {mon-sun: "08:00-17:00"}
                    service_area: {zips: ["78701-78759"]}
                    lines:
                      - number: "+15125550800"
                        pattern: dial
                        ring: ["+15125550899"]
                """));
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
        PhoneNumber caller = new PhoneNumber("+15125550177");
        var webhooks = twilio.webhooks(port);

        assertThat(webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA00000000000000000000000000000777",
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550800", "CallStatus", "completed",
                "DialCallStatus", "no-answer", "Direction", "inbound")).statusCode()).isEqualTo(200);
        awaitTexts(caller, 1); // the text-back

        // The caller answers the text-back; Anna (offline receptionist) collects the details and books.
        callerTexts(webhooks, caller, 1, "Hi, my AC is making a rattling noise");
        callerTexts(webhooks, caller, 2, "Dana Whitfield");
        callerTexts(webhooks, caller, 3, "1200 Barton Springs Rd, Austin TX 78704");
        assertThat(texts(caller).getLast()).contains("1)").contains("Reply with the number");
        callerTexts(webhooks, caller, 4, "2");
        assertThat(texts(caller).getLast()).startsWith("You're booked for");
        callerTexts(webhooks, caller, 5, "No thanks, that's all");

        long lead = jdbc.sql("SELECT lead_id FROM calls WHERE call_sid = ?").param("CA00000000000000000000000000000777")
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(30)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty()
                && control.inState(TENANT, SyncState.DONE).stream().map(SyncItem::kind).toList()
                        .containsAll(java.util.List.of(SyncKind.LEAD, SyncKind.JOB, SyncKind.TRANSCRIPT)));
        assertThat(control.needingAttention(TENANT)).isEmpty();
        var contact = hubspot.contactsWithPhone(caller);
        assertThat(contact).singleElement().satisfies(c -> assertThat(c.properties())
                .containsEntry("firstname", "Dana").containsEntry("lastname", "Whitfield"));
        var attached = hubspot.associatedWith(contact.getFirst().id());
        assertThat(attached).extracting(FakeHubSpot.Stored::type).containsExactlyInAnyOrder("calls", "0-3", "notes", "meetings");
        assertThat(attached).filteredOn(o -> o.type().equals("notes")).singleElement()
                .satisfies(n -> assertThat(n.properties().get("hs_note_body")).contains("rattling noise")
                        .contains("Dana Whitfield"));
        assertThat(attached).filteredOn(o -> o.type().equals("0-3")).singleElement()
                .satisfies(d -> assertThat(d.properties().get("description")).contains(PUBLIC_BASE + "/leads/" + lead));
    }

    /** The caller's text, through the signed inbound-SMS webhook; waits for Anna's answer (the caller's n-th reply). */
    private static void callerTexts(TwilioWebhooks webhooks, PhoneNumber caller, int n, String body) {
        assertThat(webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM%032d".formatted(n),
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550800", "Body", body)).statusCode()).isEqualTo(200);
        awaitTexts(caller, n + 1);
    }

    private static java.util.List<String> texts(PhoneNumber to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to.e164())).map(FakeTwilio.Sent::body).toList();
    }

    private static void awaitTexts(PhoneNumber to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(to).size() >= count);
    }
}
