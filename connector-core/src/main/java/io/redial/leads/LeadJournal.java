package io.redial.leads;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What people did to a lead from the console (took its conversation over, resumed Anna, corrected it), for its timeline. */
@Service
public class LeadJournal {

    /** The kinds of note; the timeline words each one. */
    public enum Kind { TAKEOVER, RESUME, CORRECTION }

    private final JdbcClient jdbc;
    private final Clock clock;

    LeadJournal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(TenantId tenant, long leadId, Kind kind, String actor, String note) {
        jdbc.sql("INSERT INTO lead_journal (tenant_id, lead_id, kind, actor, note, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), leadId, kind.name(), actor, note,
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
    }

    /** Notes the conversation's lead (its newest), when it has one. */
    public void recordOnConversation(TenantId tenant, long conversationId, Kind kind, String actor, String note) {
        leadOf(tenant, conversationId).ifPresent(lead -> record(tenant, lead, kind, actor, note));
    }

    /** The newest lead attached to this conversation. */
    public Optional<Long> leadOf(TenantId tenant, long conversationId) {
        return jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1")
                .params(tenant.value(), conversationId).query(Long.class).optional();
    }
}
