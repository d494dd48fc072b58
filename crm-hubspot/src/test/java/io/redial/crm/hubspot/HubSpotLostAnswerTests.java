package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.ConversationClosed;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.crm.LeadFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HubSpot has no idempotency key for creates. A write whose answer is lost after HubSpot made it (the client times
 * out, or the connection is reset) is retried by the real sync engine on the real database: the retry finds what was
 * written (activities by their marker and contact, contacts by phone) and links it, so nothing is written twice.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class HubSpotLostAnswerTests {

    /** Longer than the client's read timeout below: the answer never reaches it. */
    static final Duration TOO_LATE = Duration.ofSeconds(6);
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.crm.hubspot.read-timeout", () -> "PT3S");
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
        // A retry sooner than search shows a new record: only a retry that waits for it finds what was written.
        registry.add("redial.crm.sync.first-backoff", () -> "PT0.5S");
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ApplicationEventPublisher events;

    @Test
    void aBatchOfNotesWhoseAnswerWasLostIsFoundAndLinkedNotWrittenTwice() {
        TenantId tenant = new TenantId("lost-notes-hvac");
        LeadFixtures fixtures = connected(tenant, "+15125550930", "4242");
        List<String> phones = List.of("+17375550301", "+17375550302", "+17375550303");
        List<Long> leadIds = phones.stream().map(fixtures::captureLeadWithCall).toList();
        awaitDone(tenant, phones.size());

        hubspot.nextCreateAnswersAfter("notes", true, TOO_LATE);
        int searchesBefore = hubspot.searches();
        List<Long> conversations = phones.stream().map(p -> {
            long conversation = fixtures.conversationWithTexts(leadIds.get(phones.indexOf(p)), p);
            events.publishEvent(new ConversationClosed(tenant, conversation, "idle"));
            return conversation;
        }).toList();
        awaitDone(tenant, 2 * phones.size());

        assertRetried(tenant, "TRANSCRIPT");
        for (int i = 0; i < phones.size(); i++) {
            var notes = recordsOf(phones.get(i), "notes");
            assertThat(notes).as("notes of " + phones.get(i)).singleElement()
                    .satisfies(n -> assertThat(n.properties().get("hs_note_body")).contains("My furnace is out"));
            assertThat(link(tenant, "transcript:" + conversations.get(i), "note")).isEqualTo(notes.getFirst().id());
        }
        assertThat(hubspot.searches()).as("the retry looked for the notes").isGreaterThan(searchesBefore);
    }

    @Test
    void aBatchOfMissedCallsWhoseConnectionWasResetAfterHubSpotWroteThemIsFoundAndLinked() {
        TenantId tenant = new TenantId("lost-calls-hvac");
        LeadFixtures fixtures = connected(tenant, "+15125550931", "4243");
        hubspot.nextCreateAnswerReset("calls", true);
        List<String> phones = List.of("+17375550311", "+17375550312", "+17375550313");
        phones.forEach(fixtures::captureLeadWithCall);
        awaitDone(tenant, phones.size());

        assertRetried(tenant, "LEAD");
        for (String phone : phones) {
            var calls = recordsOf(phone, "calls");
            assertThat(calls).as("calls of " + phone).singleElement()
                    .satisfies(c -> assertThat(c.properties()).containsEntry("hs_call_status", "NO_ANSWER"));
            String callId = jdbc.sql("SELECT call_sid FROM calls WHERE tenant_id = ? AND from_number = ?")
                    .params(tenant.value(), phone).query(String.class).single();
            assertThat(jdbc.sql("""
                    SELECT l.external_id FROM crm_links l JOIN calls c ON l.item_key = CONCAT('call:', c.id)
                    WHERE l.tenant_id = ? AND c.call_sid = ? AND l.external_type = 'call'""")
                    .params(tenant.value(), callId).query(String.class).single()).isEqualTo(calls.getFirst().id());
        }
    }

    /**
     * A portal that never granted {@code crm.schemas.contacts.write} has no upsert key: its new contacts are created, and
     * a lost answer would make a second one unless the retry waits for search to show the first and links it.
     */
    @Test
    void contactsCreatedWithoutAnUpsertKeyWhoseAnswerWasLostAreFoundByPhoneNotCreatedTwice() {
        TenantId tenant = new TenantId("lost-contacts-hvac");
        LeadFixtures fixtures = connected(tenant, "+15125550932", "4244");
        hubspot.withoutSchemaScope();
        hubspot.searchIndexLag(Duration.ofSeconds(5));
        try {
            hubspot.nextCreateAnswersAfter("contacts", true, TOO_LATE);
            List<String> phones = List.of("+17375550321", "+17375550322");
            phones.forEach(fixtures::captureLeadWithCall);
            awaitDone(tenant, phones.size());

            assertRetried(tenant, "LEAD");
            for (String phone : phones) {
                var contacts = hubspot.contactsWithPhone(new PhoneNumber(phone));
                assertThat(contacts).as("contacts of " + phone).singleElement();
                assertThat(link(tenant, "contact:" + phone, "contact")).isEqualTo(contacts.getFirst().id());
                assertThat(recordsOf(phone, "calls")).singleElement();
            }
        } finally {
            hubspot.searchIndexLag(Duration.ZERO);
        }
    }

    @Test
    void anEmergencyTaskWrittenAloneWhoseAnswerWasLostIsFoundAndLinkedNotWrittenTwice() {
        TenantId tenant = new TenantId("lost-task-hvac");
        LeadFixtures fixtures = connected(tenant, "+15125550933", "4245");
        String phone = "+17375550331";
        long lead = fixtures.captureLeadWithCall(phone);
        awaitDone(tenant, 1);

        hubspot.nextCreateAnswersAfter("tasks", false, TOO_LATE);
        events.publishEvent(new EmergencyEscalated(tenant, lead, "gas-smell", "Caller smells gas"));
        awaitDone(tenant, 2);

        assertRetried(tenant, "EMERGENCY");
        var tasks = recordsOf(phone, "tasks");
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.properties()).containsEntry("hs_task_priority", "HIGH"));
        assertThat(link(tenant, "emergency:" + lead, "task")).isEqualTo(tasks.getFirst().id());
    }

    private LeadFixtures connected(TenantId tenant, String line, String portal) {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: %s
                    name: Lost Answer HVAC
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: forwarded
                        forwarded_from: "+1512555%s"
                """.formatted(tenant.value(), line, portal)));
        connections.connect(tenant, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "r", Instant.now().plus(Duration.ofHours(2)), portal));
        return new LeadFixtures(jdbc, leads, tx, tenant);
    }

    private void awaitDone(TenantId tenant, int items) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> control.inState(tenant, SyncState.DONE).size() == items);
    }

    private void assertRetried(TenantId tenant, String kind) {
        assertThat(jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ? AND kind = ?")
                .params(tenant.value(), kind).query(Integer.class).single()).as("the lost answer was retried").isPositive();
    }

    private List<FakeHubSpot.Stored> recordsOf(String phone, String type) {
        var contact = hubspot.contactsWithPhone(new PhoneNumber(phone)).getFirst();
        return hubspot.associatedWith(contact.id()).stream().filter(o -> o.type().equals(type)).toList();
    }

    private String link(TenantId tenant, String key, String type) {
        return jdbc.sql("SELECT external_id FROM crm_links WHERE tenant_id = ? AND item_key = ? AND external_type = ?")
                .params(tenant.value(), key, type).query(String.class).single();
    }
}
