package io.redial.receptionist;

import io.redial.receptionist.escalation.Escalations;
import io.redial.receptionist.escalation.OnCallPaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.conversations.Conversation;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The on-call ladder: page, wait for 1 or YES, page the next rung, record every step on the lead. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.llm.base-url=")
@DirtiesContext
class OnCallPagingIntegrationTests {

    static final PhoneNumber FIRST = new PhoneNumber("+15125550911");
    static final PhoneNumber SECOND = new PhoneNumber("+15125550912");

    @Autowired AnnaFixture fixture;
    @Autowired OnCallPaging paging;
    @Autowired Escalations escalations;
    @Autowired ReceptionistProfiles profiles;
    @Autowired Leads leads;
    @Autowired RecordedEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager txm;
    TenantId tenant;
    Conversation conversation;
    long lead;

    @BeforeEach
    void anEmergencyLead() {
        tenant = fixture.tenant("oncall-co", "+15125550803");
        conversation = fixture.conversation(tenant, "+15125550175");
        lead = new TransactionTemplate(txm).execute(s -> leads.capture(tenant, conversation.callerId(), null, null));
    }

    @Test
    void pagesTheFirstRungWithASummaryAndTheCallersNumber() {
        long escalation = start();

        assertThat(fixture.textsTo(tenant, FIRST)).last().asString()
                .contains("burst-pipe: pipe burst").contains("+15125550175").contains("Reply 1 or YES");
        assertThat(escalations.stepsOf(tenant, lead)).extracting(Escalations.Step::kind).containsSubsequence("PAGED", "CALLER_TOLD");
        assertThat(events.of(EmergencyEscalated.class)).anyMatch(e -> e.leadId() == lead);
        assertThat(jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'on-call-page-timeout' AND task_instance = ?")
                .param(escalation + ":0").query(java.time.LocalDateTime.class).single())
                .isAfter(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(4));
    }

    @Test
    void withoutAnAcknowledgementTheNextRungIsPagedThenTheCallerAndAPersonAreTold() {
        long escalation = start();
        var profile = profiles.find(tenant).orElseThrow();

        paging.timedOut(profile, escalation, 0);
        assertThat(fixture.textsTo(tenant, SECOND)).hasSize(1);

        paging.timedOut(profile, escalation, 0); // a stale timer changes nothing
        paging.timedOut(profile, escalation, 1);

        assertThat(fixture.textsTo(tenant, SECOND)).hasSize(1);
        assertThat(escalations.stepsOf(tenant, lead)).extracting(Escalations.Step::kind)
                .containsExactly("PAGED", "CALLER_TOLD", "NO_ANSWER", "PAGED", "NO_ANSWER", "EXHAUSTED");
        assertThat(fixture.repliesTo(conversation)).last().asString().contains("If anyone is in danger, call 911");
    }

    @Test
    void aPagedTechsYesAcknowledgesAndTheCallerHearsBack() {
        long escalation = start();
        var profile = profiles.find(tenant).orElseThrow();
        paging.timedOut(profile, escalation, 0);

        assertThat(paging.acknowledge(tenant, SECOND, "hello?")).isFalse();
        assertThat(paging.acknowledge(tenant, new PhoneNumber("+15125550999"), "YES")).isFalse();
        assertThat(paging.acknowledge(tenant, FIRST, " yes ")).isTrue(); // the first rung answering late still counts
        assertThat(paging.acknowledge(tenant, SECOND, "1")).isFalse(); // already taken

        paging.timedOut(profile, escalation, 1);
        assertThat(escalations.stepsOf(tenant, lead)).extracting(Escalations.Step::kind).endsWith("ACKNOWLEDGED");
        assertThat(fixture.repliesTo(conversation)).last().asString().contains("on-call technician has your message");
    }

    @Test
    void acknowledgementsAreScopedByTenant() {
        start();
        TenantId other = fixture.tenant("oncall-other", "+15125550804");

        assertThat(paging.acknowledge(other, FIRST, "YES")).isFalse();
    }

    private long start() {
        var profile = profiles.find(tenant).orElseThrow();
        return new TransactionTemplate(txm).execute(s ->
                paging.start(profile, lead, conversation, "burst-pipe", "burst-pipe: pipe burst in the laundry."));
    }
}
