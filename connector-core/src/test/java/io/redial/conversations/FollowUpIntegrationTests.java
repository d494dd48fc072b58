package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.PhoneText;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.FollowUpPolicies;
import io.redial.tenants.FollowUpPolicy;
import io.redial.tenants.Templates;
import io.redial.tenants.TextBackTemplates;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/** One more text to a missed caller who never replied, through the sandbox carrier and the durable timer. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class FollowUpIntegrationTests {

    static final TenantId TENANT = new TenantId("follow-co");
    static final PhoneNumber LINE = new PhoneNumber("+17375550300");
    static final ZoneId ZONE = ZoneId.of("America/Chicago");

    @Autowired SandboxPhone phone;
    @Autowired Provisioner provisioner;
    @Autowired FollowUpPolicies policies;
    @Autowired Templates templates;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: follow-co
                    name: Follow Plumbing
                    timezone: America/Chicago
                    lines: [{number: "+17375550300", pattern: forwarded}]
                """));
    }

    @Test
    void aCallerWhoNeverRepliedGetsOneFollowUpWhenItIsDue() {
        policies.save(TENANT, awakeNow(Duration.ofMinutes(90)));
        PhoneNumber caller = new PhoneNumber("+17375550301");
        Instant called = Instant.now();

        phone.missedCall(TENANT, LINE, caller);
        await().atMost(Duration.ofSeconds(20)).until(() -> phone.thread(TENANT, caller).size() == 1);
        assertThat(dueAt(conversationOf(caller))).isBetween(called.plus(Duration.ofMinutes(89)),
                Instant.now().plus(Duration.ofMinutes(91)));

        makeDue(conversationOf(caller));

        await().atMost(Duration.ofSeconds(20)).until(() -> phone.thread(TENANT, caller).size() == 2);
        List<PhoneText> thread = phone.thread(TENANT, caller);
        assertThat(thread.getLast().body()).startsWith("Hi there, Follow Plumbing here again. Still need a hand?");
        assertThat(thread).noneMatch(PhoneText::fromCaller);
    }

    @Test
    void theTenantsFollowUpTemplateIsUsed() {
        policies.save(TENANT, awakeNow(Duration.ofMinutes(60)));
        templates.save(TENANT, null, TextBackTemplates.FOLLOW_UP, "{business} again: still need a plumber? Reply here.");
        PhoneNumber caller = new PhoneNumber("+17375550304");
        phone.missedCall(TENANT, LINE, caller);
        await().atMost(Duration.ofSeconds(20)).until(() -> phone.thread(TENANT, caller).size() == 1);

        makeDue(conversationOf(caller));

        await().atMost(Duration.ofSeconds(20)).until(() -> phone.thread(TENANT, caller).size() == 2);
        assertThat(phone.thread(TENANT, caller).getLast().body()).isEqualTo("Follow Plumbing again: still need a plumber? Reply here.");
    }

    @Test
    void aCallerWhoRepliedGetsNoFollowUp() {
        policies.save(TENANT, awakeNow(Duration.ofMinutes(30)));
        PhoneNumber caller = new PhoneNumber("+17375550302");
        phone.missedCall(TENANT, LINE, caller);
        await().atMost(Duration.ofSeconds(20)).until(() -> !phone.thread(TENANT, caller).isEmpty());
        phone.textFromCaller(TENANT, LINE, caller, "yes please, my water heater is leaking");
        long conversation = conversationOf(caller);

        makeDue(conversation);

        await().atMost(Duration.ofSeconds(20)).until(() -> pendingTimers(conversation) == 0);
        assertThat(followUpsSent(conversation)).isZero();
    }

    @Test
    void aFollowUpFallingInQuietHoursWaitsForThemToEnd() {
        LocalTime now = LocalTime.now(ZONE);
        policies.save(TENANT, new FollowUpPolicy(Duration.ofMinutes(30), now.minusHours(1), now.plusHours(2)));
        PhoneNumber caller = new PhoneNumber("+17375550303");
        phone.missedCall(TENANT, LINE, caller);
        await().atMost(Duration.ofSeconds(20)).until(() -> !phone.thread(TENANT, caller).isEmpty());
        long conversation = conversationOf(caller);
        Instant quietEnds = Instant.now().plus(Duration.ofHours(2));
        assertThat(dueAt(conversation)).isBetween(quietEnds.minus(Duration.ofMinutes(2)), quietEnds.plus(Duration.ofMinutes(1)));

        makeDue(conversation); // as if the timer fired early, inside the quiet hours

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'follow-up' AND task_instance LIKE ?""")
                .param(conversation + "@%").query(Long.class).single() == 1);
        assertThat(followUpsSent(conversation)).isZero();
    }

    /** Quiet hours that do not cover the next few hours, wherever the test runs. */
    private static FollowUpPolicy awakeNow(Duration after) {
        LocalTime now = LocalTime.now(ZONE);
        return new FollowUpPolicy(after, now.plusHours(4), now.plusHours(5));
    }

    private long conversationOf(PhoneNumber caller) {
        return jdbc.sql("""
                SELECT v.id FROM conversations v JOIN callers c ON c.id = v.caller_id
                WHERE v.tenant_id = ? AND c.phone = ?""").params(TENANT.value(), caller.e164()).query(Long.class).single();
    }

    private Instant dueAt(long conversation) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'follow-up' AND task_instance = ?")
                .param(String.valueOf(conversation)).query(LocalDateTime.class).single().toInstant(ZoneOffset.UTC);
    }

    private void makeDue(long conversation) {
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'follow-up' AND task_instance = ?")
                .params(LocalDateTime.of(2020, 1, 1, 0, 0), String.valueOf(conversation)).update();
    }

    private long pendingTimers(long conversation) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'follow-up' AND task_instance = ?")
                .param(String.valueOf(conversation)).query(Long.class).single();
    }

    private long followUpsSent(long conversation) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND purpose = 'follow-up'")
                .param(conversation).query(Long.class).single();
    }
}
