package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.jobs.DurableJobs;
import io.redial.shared.TenantId;
import io.redial.tenants.FollowUpPolicies;
import io.redial.tenants.FollowUpPolicy;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One more text to a missed caller who never replied, when the tenant wants it: a durable timer armed with
 * the first-contact text, which at its time sends only if the conversation is still open, nobody has
 * written back and no person took it over, and which waits out the quiet hours first.
 */
@Configuration(proxyBeanMethods = false)
class FollowUps {

    private static final Logger log = LoggerFactory.getLogger(FollowUps.class);
    static final TaskDescriptor<Due> TASK = TaskDescriptor.of("follow-up", Due.class);

    /** What the timer carries: the text is rendered when the first contact goes, from the same fields. */
    record Due(String tenant, long conversationId, String body) implements Serializable {
    }

    private final FollowUpPolicies policies;
    private final Conversations conversations;
    private final Tenants tenants;
    private final OutboundTexts texts;
    private final DurableJobs jobs;
    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUps(FollowUpPolicies policies, Conversations conversations, Tenants tenants, OutboundTexts texts,
            DurableJobs jobs, JdbcClient jdbc, Clock clock) {
        this.policies = policies;
        this.conversations = conversations;
        this.tenants = tenants;
        this.texts = texts;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** In the first contact's transaction: the timer exists exactly when that text does. */
    void arm(Tenant tenant, long conversationId, Supplier<String> body) {
        FollowUpPolicy policy = policies.of(tenant.id());
        if (policy.enabled()) {
            Instant due = policy.earliestSend(clock.instant().plus(policy.after()), tenant.zone());
            jobs.runOnceAt(TASK.instance(String.valueOf(conversationId))
                    .data(new Due(tenant.id().value(), conversationId, body.get())).build(), due);
        }
    }

    @Bean
    OneTimeTask<Due> followUpTask(PlatformTransactionManager txm) {
        TransactionTemplate tx = new TransactionTemplate(txm);
        return Tasks.oneTime(TASK).execute((instance, context) -> tx.executeWithoutResult(s -> send(instance.getData())));
    }

    private void send(Due due) {
        TenantId tenant = new TenantId(due.tenant());
        Conversation conversation = conversations.find(tenant, due.conversationId()).orElse(null);
        Tenant owner = tenants.find(tenant).orElse(null);
        FollowUpPolicy policy = policies.of(tenant);
        if (conversation == null || owner == null || !conversation.open() || conversation.handledByHuman()
                || !policy.enabled() || callerWroteBack(tenant, due.conversationId())) {
            return;
        }
        Instant now = clock.instant();
        Instant allowed = policy.earliestSend(now, owner.zone());
        if (allowed.isAfter(now)) { // the quiet hours moved since the timer was armed
            jobs.runOnceAt(TASK.instance(due.conversationId() + "@" + allowed.toEpochMilli()).data(due).build(), allowed);
            return;
        }
        texts.queue(new OutboundTexts.Request(tenant, conversation.id(), null, "follow-up",
                "follow-up:" + conversation.id(), conversation.line(), conversation.caller(), due.body(),
                OutboundTexts.FOLLOW_UP)).ifPresent(id -> log.info("follow-up queued for conversation {}", conversation.id()));
    }

    private boolean callerWroteBack(TenantId tenant, long conversationId) {
        return jdbc.sql("SELECT COUNT(*) FROM messages WHERE tenant_id = ? AND conversation_id = ? AND direction = 'in'")
                .params(tenant.value(), conversationId).query(Long.class).single() > 0;
    }
}
