package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.ConversationClosed;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HubSpot has no idempotency key for activity creates. A batch of notes whose answer is lost after HubSpot wrote them
 * (the client times out) is retried by the real sync engine on the real database: the retry finds each note by its
 * marker and links it, so every transcript is one note.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class HubSpotLostAnswerTests {

    static final TenantId TENANT = new TenantId("lost-answer-hvac");
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.crm.hubspot.read-timeout", () -> "PT3S");
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
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
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: lost-answer-hvac
                    name: Lost Answer HVAC
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550930"
                        pattern: forwarded
                        forwarded_from: "+15125557930"
                """));
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "r", Instant.now().plus(Duration.ofHours(2)), "4242"));
        List<String> phones = List.of("+17375550301", "+17375550302", "+17375550303");
        List<Long> leadIds = tx.execute(s -> phones.stream().map(this::captureLead).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> control.inState(TENANT, SyncState.DONE).size() == phones.size());

        hubspot.nextBatchCreateAnswersAfter("notes", Duration.ofSeconds(6)); // written, then the client times out
        int searchesBefore = hubspot.searches();
        List<Long> conversations = tx.execute(s -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < phones.size(); i++) {
                long conversation = conversationWithTexts(leadIds.get(i), phones.get(i));
                events.publishEvent(new ConversationClosed(TENANT, conversation, "idle"));
                ids.add(conversation);
            }
            return ids;
        });
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> control.inState(TENANT, SyncState.DONE).size() == 2 * phones.size());

        assertThat(jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ? AND kind = 'TRANSCRIPT'")
                .param(TENANT.value()).query(Integer.class).single()).as("the lost answer was retried").isPositive();
        for (int i = 0; i < phones.size(); i++) {
            var contact = hubspot.contactsWithPhone(new PhoneNumber(phones.get(i))).getFirst();
            var notes = hubspot.associatedWith(contact.id()).stream().filter(o -> o.type().equals("notes")).toList();
            assertThat(notes).as("notes of " + phones.get(i)).singleElement()
                    .satisfies(n -> assertThat(n.properties().get("hs_note_body")).contains("My furnace is out"));
            assertThat(jdbc.sql("""
                    SELECT external_id FROM crm_links WHERE tenant_id = ? AND item_key = ? AND external_type = 'note'""")
                    .params(TENANT.value(), "transcript:" + conversations.get(i)).query(String.class).single())
                    .isEqualTo(notes.getFirst().id());
        }
        assertThat(hubspot.searches()).as("the retry looked for the notes").isGreaterThan(searchesBefore);
    }

    private long captureLead(String phone) {
        long line = jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(TENANT.value()).query(Long.class).single();
        long caller = insert("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)", TENANT.value(), phone, now());
        long call = insert("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, outcome, received_at)
                VALUES (?, ?, ?, ?, ?, '+15125550930', 'MISSED', ?)""",
                TENANT.value(), line, caller, "CA-lost-" + phone, phone, now());
        return leads.capture(TENANT, caller, call, null);
    }

    private long conversationWithTexts(long lead, String phone) {
        long caller = jdbc.sql("SELECT id FROM callers WHERE tenant_id = ? AND phone = ?").params(TENANT.value(), phone)
                .query(Long.class).single();
        long line = jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(TENANT.value()).query(Long.class).single();
        long conversation = insert("""
                INSERT INTO conversations (tenant_id, caller_id, line_id, state, opened_at, last_activity_at)
                VALUES (?, ?, ?, 'OPEN', ?, ?)""", TENANT.value(), caller, line, now(), now());
        text(conversation, "out", "textback", "Sorry we missed you! How can we help?", "+15125550930", phone);
        text(conversation, "in", "reply", "My furnace is out", phone, "+15125550930");
        leads.attachConversation(TENANT, lead, conversation);
        return conversation;
    }

    private void text(long conversation, String direction, String purpose, String body, String from, String to) {
        insert("""
                INSERT INTO messages (tenant_id, conversation_id, direction, purpose, from_number, to_number, body, send_state,
                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?)""",
                TENANT.value(), conversation, direction, purpose, from, to, body, now(), now());
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
