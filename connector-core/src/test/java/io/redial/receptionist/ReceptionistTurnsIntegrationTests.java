package io.redial.receptionist;

import io.redial.receptionist.escalation.HumanTakeover;
import io.redial.receptionist.triage.Routing;
import io.redial.receptionist.triage.TriageRule;
import io.redial.receptionist.triage.TriageRules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.Conversation;
import io.redial.conversations.ConversationClosed;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.JobBooked;
import io.redial.leads.Lead;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Caller texts through the durable turn tasks to Anna's replies, pages, bookings and closes, on a real database. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.llm.base-url=")
@DirtiesContext
class ReceptionistTurnsIntegrationTests {

    @Autowired AnnaFixture fixture;
    @Autowired RecordedEvents events;
    @Autowired Leads leads;
    @Autowired ReceptionistProfiles profiles;
    @Autowired HumanTakeover takeover;
    @Autowired IdleClose idle;
    @Autowired TriageRules rules;
    @Autowired JdbcClient jdbc;
    @Autowired ConversationStates states;
    TenantId tenant;

    @BeforeEach
    void tenant() {
        tenant = fixture.tenant("turns-co", "+15125550800");
        profiles.saveSettings(tenant, ReceptionistSettings.DEFAULTS);
    }

    @Test
    void gasSmellGetsSafetyTextFirstAndPagesTheOnCallLadder() {
        Conversation c = fixture.conversation(tenant, "+15125550143");

        fixture.texts(c, "I smell gas in the kitchen, what do I do");

        List<String> replies = awaitReplies(c, 1);
        assertThat(replies.getFirst()).startsWith("If you smell gas, leave the building now")
                .contains("call your gas utility or 911").contains("paging our on-call technician");
        assertThat(fixture.textsTo(tenant, new PhoneNumber("+15125550911"))).singleElement().asString()
                .contains("gas-smell").contains("+15125550143").contains("Reply 1 or YES");
        Lead lead = lead(c);
        assertThat(lead.status()).isEqualTo(LeadStatus.ESCALATED);
        assertThat(lead.details().urgency()).isEqualTo(Urgency.EMERGENCY);
        assertThat(events.of(EmergencyEscalated.class)).anyMatch(e -> e.leadId() == lead.id() && e.rule().equals("gas-smell"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'on-call-page-timeout'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void withNobodyOnCallAnEmergencyIsFlaggedForThePeopleAndTheCallerIsNotToldSomeoneIsPaged() {
        TenantId alone = fixture.tenant("alone-co", "+15125550807");
        jdbc.sql("UPDATE tenants SET on_call = '' WHERE id = 'alone-co'").update();
        Conversation c = fixture.conversation(alone, "+15125550153");

        fixture.texts(c, "sewage is backing up into the shower");

        String reply = awaitReplies(c, 1).getFirst();
        assertThat(reply).startsWith("Please stop running water").contains("call 911").doesNotContain("paging");
        assertThat(jdbc.sql("SELECT kind FROM escalation_steps WHERE tenant_id = 'alone-co' ORDER BY id").query(String.class).list())
                .containsExactly("NO_ON_CALL", "CALLER_TOLD");
        assertThat(jdbc.sql("SELECT handled_by_human FROM conversations WHERE id = ?").param(c.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void routineConversationCollectsDetailsAndBooksAnOfferedSlot() {
        Conversation c = fixture.conversation(tenant, "+15125550144");

        fixture.texts(c, "Hi, my AC is making a rattling noise");
        awaitReplies(c, 1);
        fixture.texts(c, "Dana Whitfield");
        awaitReplies(c, 2);
        fixture.texts(c, "1200 Barton Springs Rd, Austin TX 78704");
        List<String> offered = awaitReplies(c, 3);
        fixture.texts(c, "2");
        List<String> replies = awaitReplies(c, 4);

        assertThat(offered.get(2)).contains("1)").contains("2)").contains("Reply with the number");
        assertThat(replies.get(3)).startsWith("You're booked for");
        Lead lead = lead(c);
        assertThat(lead.status()).isEqualTo(LeadStatus.BOOKED);
        assertThat(lead.details().callerName()).isEqualTo("Dana Whitfield");
        assertThat(lead.details().serviceAddress()).contains("1200 Barton Springs Rd");
        assertThat(lead.details().inServiceArea()).isTrue();
        assertThat(lead.details().trade()).isEqualTo("hvac");
        assertThat(lead.details().urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(events.of(JobBooked.class)).anyMatch(e -> e.leadId() == lead.id());
    }

    @Test
    void turnsOfOneConversationRunOneAtATimeInOrder() {
        Conversation c = fixture.conversation(tenant, "+15125550145");

        long first = fixture.texts(c, "hello");
        awaitReplies(c, 1);
        long second = fixture.texts(c, "my toilet keeps running");
        awaitReplies(c, 2);
        long third = fixture.texts(c, "Sam Ortiz");

        awaitReplies(c, 3);
        List<Long> processedOrder = jdbc.sql("""
                SELECT message_id FROM receptionist_turns WHERE conversation_id = ? ORDER BY processed_at, id""")
                .param(c.id()).query(Long.class).list();
        assertThat(processedOrder).containsExactly(first, second, third);
        assertThat(jdbc.sql("SELECT dedupe_key FROM messages WHERE conversation_id = ? AND direction = 'out' ORDER BY id")
                .param(c.id()).query(String.class).list())
                .containsExactly("turn:" + first, "turn:" + second, "turn:" + third);
        assertThat(lead(c).details().callerName()).isEqualTo("Sam Ortiz");
    }

    @Test
    void textsSentTogetherAreAnsweredInOneTurn() {
        Conversation c = fixture.conversation(tenant, "+15125550155");
        fixture.texts(c, "hello");
        awaitReplies(c, 1);
        states.paceNextTurn(tenant, c.id(), Instant.now().plusSeconds(3)); // as if the caller had texted fast

        long problem = fixture.texts(c, "my toilet keeps running");
        long more = fixture.texts(c, "the one in the upstairs bathroom");

        List<String> replies = awaitReplies(c, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> action(problem) != null && action(more) != null);
        assertThat(action(problem)).isEqualTo("COALESCED");
        assertThat(action(more)).isNotEqualTo("COALESCED");
        assertThat(replies.get(1)).contains("name");
        assertThat(lead(c).details().trade()).isEqualTo("plumbing"); // read from the first of the two texts
        sleepALittle();
        assertThat(fixture.repliesTo(c)).hasSize(2);
    }

    @Test
    void aFloodOfTextsGetsOneAnswerPerTurnAndNoFailedTask() {
        Conversation c = fixture.conversation(tenant, "+15125550156");

        List<Long> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sent.add(fixture.texts(c, "text " + i + " of a flood"));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> sent.stream().allMatch(id -> action(id) != null));
        List<String> actions = sent.stream().map(this::action).toList();
        long turns = actions.stream().filter(a -> !a.equals("COALESCED")).count();
        assertThat(turns).isBetween(1L, 5L); // a turn for the first text, then one for everything waiting, paced
        assertThat(fixture.repliesTo(c)).hasSize((int) turns);
        assertThat(actions.getLast()).isNotEqualTo("COALESCED"); // the newest text is always read
        assertThat(jdbc.sql("""
                SELECT COALESCE(MAX(consecutive_failures), 0) FROM scheduled_tasks WHERE task_name = 'receptionist-turn'""")
                .query(Integer.class).single()).isZero();
        Instant next = states.nextTurnAt(tenant, c.id());
        assertThat(next).isAfter(Instant.now().plusSeconds(10)); // flooding: the next turn waits the flood gap
    }

    @Test
    void aTurnLeftByADeadNodeIsTakenOverWhenItsLeaseEndsAndNothingFails() {
        Conversation c = fixture.conversation(tenant, "+15125550157");
        states.enqueueState(tenant, c.id());
        assertThat(states.tryLease(tenant, c.id(), "turn-task:of-a-dead-node", Instant.now().plusSeconds(3))).isTrue();

        long text = fixture.texts(c, "is anyone there? my AC died");

        sleepALittle();
        assertThat(fixture.repliesTo(c)).isEmpty(); // the lease still stands: the task waits for its end
        assertThat(awaitReplies(c, 1)).hasSize(1);
        assertThat(action(text)).isNotEqualTo("COALESCED");
        assertThat(jdbc.sql("""
                SELECT COALESCE(MAX(consecutive_failures), 0) FROM scheduled_tasks WHERE task_name = 'receptionist-turn'""")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPersonTakingOverPausesAnnaAndHandingBackResumesWithASummary() {
        Conversation c = fixture.conversation(tenant, "+15125550146");
        fixture.texts(c, "water heater is leaking in the garage");
        awaitReplies(c, 1);

        takeover.reply(tenant, c.id(), "Hi, this is Maria from the office, I'll call you in 5.");
        long ignored = fixture.texts(c, "ok thanks");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SKIPPED".equals(action(ignored)));
        assertThat(fixture.repliesTo(c)).hasSize(2); // Anna's first reply and Maria's

        String summary = takeover.handBack(tenant, c.id());
        fixture.texts(c, "Chris Lee");
        List<String> replies = awaitReplies(c, 3);

        assertThat(summary).contains("water heater is leaking").contains("Maria from the office");
        assertThat(replies.get(2)).contains("address");
    }

    @Test
    void theTurnCapHandsTheConversationToAPerson() {
        profiles.saveSettings(tenant, new ReceptionistSettings(false, 2, 30, 6, 7));
        Conversation c = fixture.conversation(tenant, "+15125550147");

        fixture.texts(c, "hi");
        awaitReplies(c, 1);
        fixture.texts(c, "hello?");
        awaitReplies(c, 2);
        fixture.texts(c, "anyone there");
        List<String> replies = awaitReplies(c, 3);

        assertThat(replies.get(2)).contains("team member");
        assertThat(lead(c).status()).isEqualTo(LeadStatus.HANDED_OFF);
        long later = fixture.texts(c, "hello again");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SKIPPED".equals(action(later)));
        assertThat(fixture.repliesTo(c)).hasSize(3);
    }

    @Test
    void disclosesTheAutomatedAssistantOnceWhenTheTenantAsks() {
        profiles.saveSettings(tenant, new ReceptionistSettings(true, 20, 30, 6, 7));
        Conversation c = fixture.conversation(tenant, "+15125550148");

        fixture.texts(c, "my breaker keeps tripping");
        awaitReplies(c, 1);
        fixture.texts(c, "Pat Kim");
        List<String> replies = awaitReplies(c, 2);

        assertThat(replies.get(0)).startsWith("(This is Lone Star Home Services's automated assistant.)");
        assertThat(replies.get(1)).doesNotContain("automated assistant");
    }

    @Test
    void answersSpanishSpeakersInSpanish() {
        Conversation c = fixture.conversation(tenant, "+15125550149");

        fixture.texts(c, "Hola, el inodoro de mi casa no funciona");

        assertThat(awaitReplies(c, 1).getFirst()).contains("¿Cuál es su nombre?");
    }

    @Test
    void anIdleConversationClosesAndAnnouncesItForTheCrm() {
        Conversation c = fixture.conversation(tenant, "+15125550150");
        fixture.texts(c, "need a quote for a new roof");
        awaitReplies(c, 1);
        assertThat(idle.check(tenant, c.id())).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'conversation-idle-close'")
                .query(Long.class).single()).isPositive();

        jdbc.sql("UPDATE conversations SET last_activity_at = DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 31 MINUTE) WHERE id = ?")
                .param(c.id()).update();

        assertThat(idle.check(tenant, c.id())).isTrue();
        assertThat(events.of(ConversationClosed.class)).anyMatch(e -> e.conversationId() == c.id() && e.reason().equals("idle"));
        assertThat(lead(c).status()).isEqualTo(LeadStatus.CLOSED);
    }

    @Test
    void aTenantsOwnTriageRulesReplaceAndExtendTheDefaults() {
        TenantId strict = fixture.tenant("strict-co", "+15125550805");
        rules.save(strict, new TriageRule("no-cooling", "hvac", TriageRule.terms("not cooling|blowing warm"), Urgency.EMERGENCY,
                Routing.ESCALATE, "Move anyone vulnerable somewhere cool.", null, null, null, true));
        rules.save(strict, new TriageRule("ice-dam", "roofing", TriageRule.terms("ice dam"), Urgency.URGENT,
                Routing.HAND_OFF, null, null, null, null, true));
        Conversation hot = fixture.conversation(strict, "+15125550151");
        Conversation icy = fixture.conversation(strict, "+15125550152");

        fixture.texts(hot, "the AC is blowing warm air");
        fixture.texts(icy, "there's an ice dam on the north side");

        assertThat(awaitReplies(hot, 1).getFirst()).startsWith("Move anyone vulnerable somewhere cool.");
        assertThat(fixture.textsTo(strict, new PhoneNumber("+15125550911"))).isNotEmpty();
        awaitReplies(icy, 1);
        assertThat(jdbc.sql("SELECT status FROM leads WHERE tenant_id = ? AND conversation_id = ?")
                .params(strict.value(), icy.id()).query(String.class).single()).isEqualTo("HANDED_OFF");
    }

    private static void sleepALittle() {
        try {
            Thread.sleep(1500); // a second turn would have run by now, not never
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<String> awaitReplies(Conversation c, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> fixture.repliesTo(c).size() >= count);
        return fixture.repliesTo(c);
    }

    private String action(long messageId) {
        return jdbc.sql("SELECT action FROM receptionist_turns WHERE message_id = ?").param(messageId)
                .query(String.class).optional().orElse(null);
    }

    private Lead lead(Conversation c) {
        return jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1")
                .params(tenant.value(), c.id()).query(Long.class).optional()
                .flatMap(id -> leads.find(tenant, id)).orElseThrow();
    }
}
