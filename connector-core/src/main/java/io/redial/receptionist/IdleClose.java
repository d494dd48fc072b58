package io.redial.receptionist;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import io.redial.conversations.Conversations;
import io.redial.jobs.DurableJobs;
import io.redial.leads.LeadStatus;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a conversation idle for the tenant's idle minutes (durable timer). A timer that finds newer
 * activity re-arms itself for the new deadline, so any activity (a person's reply too) postpones it.
 * Closing publishes ConversationClosed, which sends the transcript to the CRM.
 */
@Component
public class IdleClose {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("conversation-idle-close", String.class);

    private final Conversations conversations;
    private final Leads leads;
    private final ReceptionistProfiles profiles;
    private final DurableJobs jobs;
    private final Clock clock;

    IdleClose(Conversations conversations, Leads leads, ReceptionistProfiles profiles, DurableJobs jobs, Clock clock) {
        this.conversations = conversations;
        this.leads = leads;
        this.profiles = profiles;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** One pending timer per conversation; it re-arms itself (under a new id) when it finds newer activity. */
    void arm(TenantId tenant, long conversationId, Instant due) {
        jobs.runOnceAt(TASK.instance(String.valueOf(conversationId)).data(tenant.value() + ":" + conversationId).build(), due);
    }

    private void rearm(TenantId tenant, long conversationId, Instant due) {
        jobs.runOnceAt(TASK.instance(conversationId + "@" + due.toEpochMilli()).data(tenant.value() + ":" + conversationId)
                .build(), due);
    }

    /** @return whether the conversation was closed now */
    @Transactional
    public boolean check(TenantId tenant, long conversationId) {
        var conversation = conversations.find(tenant, conversationId).orElse(null);
        if (conversation == null || !conversation.open()) {
            return false;
        }
        Instant due = conversation.lastActivityAt().plus(Duration.ofMinutes(profiles.settings(tenant).idleMinutes()));
        if (clock.instant().isBefore(due)) {
            rearm(tenant, conversationId, due);
            return false;
        }
        leads.openFor(tenant, conversation.callerId())
                .filter(l -> l.status() == LeadStatus.NEW || l.status() == LeadStatus.ENGAGED)
                .ifPresent(l -> leads.setStatus(tenant, l.id(), LeadStatus.CLOSED));
        return conversations.close(tenant, conversationId, "idle");
    }
}
