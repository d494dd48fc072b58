package io.redial.crm.sync;

import io.redial.conversations.ConversationClosed;
import io.redial.crm.CrmCatalog;
import io.redial.jobs.DurableJobs;
import io.redial.leads.EmergencyEscalated;
import io.redial.leads.JobBooked;
import io.redial.leads.LeadCaptured;
import io.redial.leads.LeadDetailsChanged;
import io.redial.leads.LeadNotReachedByText;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns lead events into sync work for each of the tenant's CRM connections, in the transaction that
 * published the event (DESIGN decision 1): the work row and its task commit or roll back with the lead.
 */
@Component
class CrmSyncListener {

    private final CrmConnections connections;
    private final CrmCatalog catalog;
    private final SyncWork work;
    private final DurableJobs jobs;
    private final JdbcClient jdbc;
    private final Clock clock;

    CrmSyncListener(CrmConnections connections, CrmCatalog catalog, SyncWork work, DurableJobs jobs, JdbcClient jdbc,
            Clock clock) {
        this.connections = connections;
        this.catalog = catalog;
        this.work = work;
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(LeadCaptured event) {
        enqueue(event.tenant(), event.leadId(), SyncKind.LEAD, null, null, null, null);
    }

    @EventListener
    void on(LeadDetailsChanged event) {
        enqueue(event.tenant(), event.leadId(), SyncKind.LEAD, null, null, null, null);
    }

    @EventListener
    void on(JobBooked event) {
        enqueue(event.tenant(), event.leadId(), SyncKind.JOB, null, event.slotStart(), event.slotEnd(), event.summary());
    }

    @EventListener
    void on(EmergencyEscalated event) {
        enqueue(event.tenant(), event.leadId(), SyncKind.EMERGENCY, null, null, null,
                event.summary() + " (rule: " + event.rule() + ")");
    }

    @EventListener
    void on(LeadNotReachedByText event) {
        enqueue(event.tenant(), event.leadId(), SyncKind.CALLBACK, null, null, null, event.reason());
    }

    @EventListener
    void on(ConversationClosed event) {
        jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1")
                .params(event.tenant().value(), event.conversationId()).query(Long.class).optional()
                .ifPresent(leadId -> enqueue(event.tenant(), leadId, SyncKind.TRANSCRIPT, event.conversationId(),
                        null, null, null));
    }

    /** A reconnect resumes everything that waited for it. */
    @EventListener
    void on(CrmConnected event) {
        for (long id : work.blocked(event.tenant(), event.connectionId())) {
            if (work.reopen(event.tenant(), id)) {
                jobs.runOnce(CrmSyncTask.instance(id, clock.instant()));
            }
        }
    }

    /**
     * A withheld number is nobody's number: CRMs match and upsert contacts by phone, so every hidden caller would
     * become one contact. Such leads stay in Redial's console, marked "Hidden number".
     */
    private boolean fromHiddenNumber(long leadId) {
        return jdbc.sql("SELECT c.phone FROM leads l JOIN callers c ON c.id = l.caller_id WHERE l.id = ?")
                .param(leadId).query(String.class).optional()
                .map(phone -> PhoneNumber.HIDDEN.e164().equals(phone)).orElse(false);
    }

    private void enqueue(TenantId tenant, long leadId, SyncKind kind, @Nullable Long conversationId,
            @Nullable Instant slotStart, @Nullable Instant slotEnd, @Nullable String summary) {
        if (fromHiddenNumber(leadId)) {
            return;
        }
        for (StoredConnection connection : connections.of(tenant)) {
            if (catalog.find(connection.crm()).isEmpty()) {
                continue;
            }
            // Broken or uninstalled: the work is kept, blocked, and resumes when the tenant reconnects.
            boolean connected = connection.status() == ConnectionStatus.CONNECTED;
            long id = work.add(tenant, connection.id(), leadId, kind, conversationId, slotStart, slotEnd, summary,
                    connected ? SyncState.PENDING : SyncState.BLOCKED);
            if (connected) {
                jobs.runOnce(CrmSyncTask.instance(id, clock.instant()));
            }
        }
    }
}
