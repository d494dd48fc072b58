package io.redial.leads;

import io.redial.shared.PhoneNumber;
import io.redial.shared.RuleNames;
import io.redial.shared.TenantId;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A lead as a job: who, where, what, how urgent and why, when it is booked, who holds the conversation and why
 * a person does, and its CRM records. What the top of a lead's page shows. Read-only and tenant-scoped.
 */
@Service
public class LeadCards {

    /** Who has the conversation now. */
    public enum Holder { ANNA, PERSON, CLOSED, NO_CONVERSATION }

    public record CrmRecord(String crm, String type, String id, @Nullable URI link) {
    }

    public record Card(long id, LeadStatus status, PhoneNumber caller, PhoneNumber line, @Nullable String callerName,
            @Nullable String address, @Nullable Boolean inServiceArea, @Nullable String trade, @Nullable String problem,
            @Nullable Urgency urgency, @Nullable String urgencyRule, @Nullable Instant bookedFrom,
            @Nullable Instant bookedTo, Holder holder, @Nullable String handOffReason, @Nullable Long conversationId,
            List<CrmRecord> records) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<LeadTimeline.RecordLinks> links;

    LeadCards(JdbcClient jdbc, ObjectProvider<LeadTimeline.RecordLinks> links) {
        this.jdbc = jdbc;
        this.links = links;
    }

    /** Empty for an id this tenant has no lead with. */
    public Optional<Card> of(TenantId tenant, long leadId) {
        return jdbc.sql("""
                SELECT l.id, l.status, l.caller_name, l.service_address, l.in_service_area, l.trade, l.problem, l.urgency,
                       l.conversation_id, c.phone, COALESCE(k.to_number, pl.number) AS line,
                       v.state AS conversation_state, v.handled_by_human, s.triage_rule,
                       b.slot_start, b.slot_end
                FROM leads l JOIN callers c ON c.id = l.caller_id AND c.tenant_id = l.tenant_id
                LEFT JOIN calls k ON k.id = l.call_id AND k.tenant_id = l.tenant_id
                LEFT JOIN conversations v ON v.id = l.conversation_id AND v.tenant_id = l.tenant_id
                LEFT JOIN phone_lines pl ON pl.id = v.line_id
                LEFT JOIN receptionist_state s ON s.conversation_id = l.conversation_id AND s.tenant_id = l.tenant_id
                LEFT JOIN bookings b ON b.lead_id = l.id AND b.tenant_id = l.tenant_id
                WHERE l.tenant_id = ? AND l.id = ?""")
                .params(tenant.value(), leadId)
                .query((rs, n) -> {
                    Long conversation = rs.getObject("conversation_id", Long.class);
                    Holder holder = conversation == null ? Holder.NO_CONVERSATION
                            : "CLOSED".equals(rs.getString("conversation_state")) ? Holder.CLOSED
                            : rs.getBoolean("handled_by_human") ? Holder.PERSON : Holder.ANNA;
                    String urgency = rs.getString("urgency");
                    Object inArea = rs.getObject("in_service_area");
                    String line = rs.getString("line");
                    String rule = rs.getString("triage_rule");
                    return new Card(rs.getLong("id"), LeadStatus.valueOf(rs.getString("status")),
                            new PhoneNumber(rs.getString("phone")), new PhoneNumber(line == null ? rs.getString("phone") : line),
                            rs.getString("caller_name"), rs.getString("service_address"),
                            inArea == null ? null : rs.getBoolean("in_service_area"), rs.getString("trade"),
                            rs.getString("problem"), urgency == null ? null : Urgency.valueOf(urgency), rule,
                            instant(rs.getObject("slot_start", LocalDateTime.class)),
                            instant(rs.getObject("slot_end", LocalDateTime.class)), holder,
                            null, conversation, List.of());
                })
                .optional()
                .map(card -> withReasonsAndRecords(tenant, card));
    }

    private Card withReasonsAndRecords(TenantId tenant, Card card) {
        String rule = card.urgencyRule() != null ? card.urgencyRule() : escalationRule(tenant, card.id());
        String handOff = card.holder() == Holder.PERSON || card.status() == LeadStatus.HANDED_OFF
                ? handOffReason(tenant, card, rule) : null;
        return new Card(card.id(), card.status(), card.caller(), card.line(), card.callerName(), card.address(),
                card.inServiceArea(), card.trade(), card.problem(), card.urgency(),
                rule == null ? null : RuleNames.plain(rule), card.bookedFrom(), card.bookedTo(), card.holder(), handOff,
                card.conversationId(), records(tenant, card.id()));
    }

    private @Nullable String escalationRule(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT rule_code FROM escalations WHERE tenant_id = ? AND lead_id = ? ORDER BY id DESC LIMIT 1")
                .params(tenant.value(), leadId).query(String.class).optional().orElse(null);
    }

    /** Why a person has it: someone took it over, a rule sends such jobs to people, or Anna could not go on. */
    private String handOffReason(TenantId tenant, Card card, @Nullable String rule) {
        Optional<String> takenBy = jdbc.sql("""
                SELECT kind, actor FROM lead_journal WHERE tenant_id = ? AND lead_id = ? AND kind IN ('TAKEOVER', 'RESUME')
                ORDER BY id DESC LIMIT 1""")
                .params(tenant.value(), card.id())
                .query((rs, n) -> rs.getString("kind") + " " + rs.getString("actor")).optional()
                .filter(last -> last.startsWith("TAKEOVER ")).map(last -> last.substring("TAKEOVER ".length()));
        if (card.holder() == Holder.PERSON && takenBy.isPresent()) {
            return "taken over by " + takenBy.get();
        }
        if (rule != null && "HAND_OFF".equals(jdbc.sql("SELECT routing FROM triage_rules WHERE tenant_id = ? AND code = ?")
                .params(tenant.value(), rule).query(String.class).optional().orElse(null))) {
            return "\"" + RuleNames.plain(rule) + "\" jobs go to a person";
        }
        boolean exhausted = jdbc.sql("SELECT COUNT(*) FROM escalation_steps WHERE tenant_id = ? AND lead_id = ? AND kind = 'EXHAUSTED'")
                .params(tenant.value(), card.id()).query(Long.class).single() > 0;
        if (exhausted) {
            return "nobody on call acknowledged the emergency";
        }
        return jdbc.sql("""
                SELECT body FROM messages WHERE tenant_id = ? AND direction = 'out' AND to_number = ? AND purpose = 'turn'
                ORDER BY created_at DESC, id DESC LIMIT 1""")
                .params(tenant.value(), card.caller().e164()).query(String.class).optional()
                .map(said -> "Anna handed it over, telling the caller: \"" + said + "\"")
                .orElse("Anna handed it to a person");
    }

    private List<CrmRecord> records(TenantId tenant, long leadId) {
        return jdbc.sql("""
                SELECT crm_id, external_type, external_id, external_url FROM crm_links
                WHERE tenant_id = ? AND lead_id = ? AND external_type <> 'pending' ORDER BY created_at""")
                .params(tenant.value(), leadId)
                .query((rs, n) -> new CrmRecord(rs.getString("crm_id"), rs.getString("external_type"),
                        rs.getString("external_id"), link(tenant, rs.getString("crm_id"), rs.getString("external_type"),
                        rs.getString("external_id"), rs.getString("external_url"))))
                .list();
    }

    private @Nullable URI link(TenantId tenant, String crm, String type, String id, @Nullable String storedUrl) {
        LeadTimeline.RecordLinks found = links.getIfAvailable();
        return found == null ? null : found.link(tenant, crm, type, id, storedUrl).orElse(null);
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
