package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.Conversations;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.JobBooked;
import io.redial.leads.LeadDetails;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * End to end on the real database, scheduler and HTTP: a missed call is texted back, the lead and its
 * conversation become a booking, and HubSpot (the fake) ends up with one contact carrying the missed
 * call, the transcript note and the deal. Lead capture and the conversation are driven through core's
 * repositories here, as the receptionist will drive them.
 */
// A generous look-up budget: the first CRM call of a cold JVM on a busy machine is slow; budgets are tested in core.
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "redial.textback.lookup-budget=PT10S")
class HubSpotSyncIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC_BASE = "https://redial.example.com";
    static final TenantId TENANT = new TenantId("hubspot-plumbing");
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TWILIO_TOKEN);
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("twilio.account-sid", () -> ACCOUNT);
        registry.add("twilio.auth-token", () -> TWILIO_TOKEN);
        registry.add("redial.twilio.api-base-url", twilio::baseUrl);
        registry.add("redial.public-base-url", () -> PUBLIC_BASE);
        registry.add("redial.crm.hubspot.client-id", () -> FakeHubSpot.CLIENT_ID);
        registry.add("redial.crm.hubspot.client-secret", () -> FakeHubSpot.CLIENT_SECRET);
        registry.add("redial.crm.hubspot.api-base-url", hubspot::baseUrl);
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @AfterAll
    static void stopFakes() {
        twilio.close();
        hubspot.close();
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired Conversations conversations;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;

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

        var webhook = new TwilioWebhooks(URI.create("http://localhost:" + port), PUBLIC_BASE, TWILIO_TOKEN)
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
    void aMissedCallBookedOverTextLandsInHubSpotOnceWithCallNoteAndDeal() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hubspot-plumbing
                    name: HubSpot Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550800"
                        pattern: dial
                        ring: ["+15125550899"]
                """));
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
        PhoneNumber caller = new PhoneNumber("+15125550177");

        var webhook = new TwilioWebhooks(URI.create("http://localhost:" + port), PUBLIC_BASE, TWILIO_TOKEN)
                .postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA00000000000000000000000000000777",
                        "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550800", "CallStatus", "completed",
                        "DialCallStatus", "no-answer", "Direction", "inbound"));
        assertThat(webhook.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> twilio.sent().stream().anyMatch(m -> m.to().equals(caller.e164())));

        // The text-back captured the lead and opened the conversation; the receptionist's part is played here.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT lead_id IS NOT NULL AND conversation_id IS NOT NULL FROM calls WHERE call_sid = ?")
                .param("CA00000000000000000000000000000777").query(Boolean.class).single());
        long lead = jdbc.sql("SELECT lead_id FROM calls WHERE call_sid = ?").param("CA00000000000000000000000000000777")
                .query(Long.class).single();
        long conversation = jdbc.sql("SELECT conversation_id FROM calls WHERE call_sid = ?")
                .param("CA00000000000000000000000000000777").query(Long.class).single();
        tx.executeWithoutResult(s -> {
            text(conversation, "in", "reply", "Kitchen sink is backing up, can someone come tomorrow?", caller.e164(),
                    "+15125550800");
            leads.updateDetails(TENANT, lead, new LeadDetails("Pat Rivera", "9 Oak Ln, Austin", true, "Sink backing up",
                    "plumbing", Urgency.ROUTINE));
        });
        Instant slot = Instant.parse("2026-11-27T15:00:00Z");
        tx.executeWithoutResult(s -> {
            events.publishEvent(new JobBooked(TENANT, lead, slot, slot.plus(Duration.ofHours(2)), "Drain cleaning"));
            conversations.close(TENANT, conversation, "booked");
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty()
                && control.inState(TENANT, SyncState.DONE).size() == 4);
        assertThat(control.needingAttention(TENANT)).isEmpty();
        var contact = hubspot.contactsWithPhone(caller);
        assertThat(contact).singleElement().satisfies(c -> assertThat(c.properties())
                .containsEntry("firstname", "Pat").containsEntry("lastname", "Rivera"));
        var attached = hubspot.associatedWith(contact.getFirst().id());
        assertThat(attached).extracting(FakeHubSpot.Stored::type).containsExactlyInAnyOrder("calls", "0-3", "notes");
        assertThat(attached).filteredOn(o -> o.type().equals("notes")).singleElement()
                .satisfies(n -> assertThat(n.properties().get("hs_note_body")).contains("Kitchen sink is backing up"));
        assertThat(attached).filteredOn(o -> o.type().equals("0-3")).singleElement()
                .satisfies(d -> assertThat(d.properties().get("description")).contains(PUBLIC_BASE + "/leads/" + lead));
    }

    private void text(long conversation, String direction, String purpose, String body, String from, String to) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO messages (tenant_id, conversation_id, direction, purpose, from_number, to_number, body, send_state,
                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?)""")
                .params(TENANT.value(), conversation, direction, purpose, from, to, body, now, now).update();
    }
}
