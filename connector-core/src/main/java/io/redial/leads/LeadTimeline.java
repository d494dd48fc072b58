package io.redial.leads;

import io.redial.shared.DeliveryWords;
import io.redial.shared.PhoneNumber;
import io.redial.shared.RuleNames;
import io.redial.shared.TenantId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Everything that happened to one lead, in time order: the call and its decision, every text with its delivery
 * state, what Anna made of each caller text, escalation steps, and each CRM write with its state (and a link to
 * the CRM's record when the CRM has one). Read-only and tenant-scoped.
 */
@Service
public class LeadTimeline {

    /** What an entry is about; the console picks its icon and colour from it. */
    public enum Kind { CALL, TEXT_IN, TEXT_OUT, TURN, ESCALATION, CRM, STAFF }

    /**
     * One line of the timeline; {@code state} is a delivery, escalation or sync state; {@code link} a CRM record;
     * {@code retryable} the id of CRM work that failed or was refused and can be queued again.
     */
    public record Entry(Instant at, Kind kind, String text, @Nullable String state, @Nullable URI link,
            @Nullable Long retryable) {

        public Entry(Instant at, Kind kind, String text, @Nullable String state, @Nullable URI link) {
            this(at, kind, text, state, link, null);
        }
    }

    /**
     * Where a CRM record can be opened, when its CRM says so; {@code storedUrl} is the link its answer carried,
     * if any (crm_links.external_url). Implemented by the CRM module.
     */
    public interface RecordLinks {
        Optional<URI> link(TenantId tenant, String crm, String recordType, String recordId, @Nullable String storedUrl);
    }

    /** Queues failed CRM work again. Implemented by the CRM module. */
    public interface SyncRetries {
        boolean retry(TenantId tenant, long workId);
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<RecordLinks> links;
    private final ObjectProvider<SyncRetries> retries;

    LeadTimeline(JdbcClient jdbc, ObjectProvider<RecordLinks> links, ObjectProvider<SyncRetries> retries) {
        this.jdbc = jdbc;
        this.links = links;
        this.retries = retries;
    }

    /** Queues one failed CRM write of this lead again; false when it is not this lead's or not failed. */
    public boolean retrySync(TenantId tenant, long leadId, long workId) {
        boolean ours = jdbc.sql("SELECT COUNT(*) FROM crm_sync_work WHERE tenant_id = ? AND lead_id = ? AND id = ?")
                .params(tenant.value(), leadId, workId).query(Long.class).single() > 0;
        SyncRetries crm = retries.getIfAvailable();
        return ours && crm != null && crm.retry(tenant, workId);
    }

    /** Empty for an id this tenant has no lead with. */
    public List<Entry> of(TenantId tenant, long leadId) {
        var lead = jdbc.sql("SELECT l.call_id, c.phone FROM leads l JOIN callers c ON c.id = l.caller_id WHERE l.tenant_id = ? AND l.id = ?")
                .params(tenant.value(), leadId).query((rs, n) -> new Object[] {rs.getObject("call_id"), rs.getString("phone")})
                .optional();
        if (lead.isEmpty()) {
            return List.of();
        }
        String caller = (String) lead.get()[1];
        List<Entry> entries = new ArrayList<>();
        if (lead.get()[0] instanceof Number callId) {
            entries.addAll(call(tenant, callId.longValue()));
        }
        entries.addAll(texts(tenant, caller));
        entries.addAll(escalations(tenant, leadId));
        entries.addAll(crm(tenant, leadId));
        entries.addAll(journal(tenant, leadId));
        entries.addAll(notReached(tenant, leadId));
        entries.sort(Comparator.comparing(Entry::at));
        return entries;
    }

    /** The lead's SMS thread, for a link to it. */
    public Optional<Long> conversation(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT conversation_id FROM leads WHERE tenant_id = ? AND id = ? AND conversation_id IS NOT NULL")
                .params(tenant.value(), leadId).query(Long.class).optional();
    }

    private List<Entry> call(TenantId tenant, long callId) {
        return jdbc.sql("SELECT received_at, to_number, outcome, outcome_reason, text_decision FROM calls WHERE tenant_id = ? AND id = ?")
                .params(tenant.value(), callId)
                .query((rs, n) -> new Entry(instant(rs, "received_at"), Kind.CALL, "Call to " + national(rs.getString("to_number"))
                        + (rs.getString("outcome_reason") == null ? "" : ": " + rs.getString("outcome_reason"))
                        + (rs.getString("text_decision") == null ? "" : " · text-back: " + rs.getString("text_decision")),
                        lower(rs.getString("outcome")), null))
                .list();
    }

    /** Texts to and from the caller, and for each caller text the turn Anna took on it. */
    private List<Entry> texts(TenantId tenant, String caller) {
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT m.created_at, m.direction, m.purpose, m.body, m.send_state, m.carrier_status, m.error_code,
                       t.processed_at, t.agent, t.action
                FROM messages m LEFT JOIN receptionist_turns t ON t.message_id = m.id AND t.tenant_id = m.tenant_id
                WHERE m.tenant_id = ? AND ((m.direction = 'in' AND m.from_number = ?) OR (m.direction = 'out' AND m.to_number = ?))
                ORDER BY m.created_at, m.id""")
                .params(tenant.value(), caller, caller)
                .query((RowCallbackHandler) rs -> {
                    boolean in = "in".equals(rs.getString("direction"));
                    entries.add(new Entry(instant(rs, "created_at"), in ? Kind.TEXT_IN : Kind.TEXT_OUT,
                            (in ? "Caller: " : author(rs.getString("purpose")) + ": ") + rs.getString("body"),
                            in ? "received" : DeliveryWords.of(rs.getString("send_state"), rs.getString("carrier_status"))
                                    + (rs.getString("error_code") == null ? "" : " (error " + rs.getString("error_code") + ")"),
                            null));
                    if (in && rs.getObject("processed_at") != null) {
                        entries.add(new Entry(instant(rs, "processed_at"), Kind.TURN,
                                turn(rs.getString("agent"), rs.getString("action")), null, null));
                    }
                });
        return entries;
    }

    private List<Entry> escalations(TenantId tenant, long leadId) {
        return jdbc.sql("""
                SELECT s.at, s.step, s.kind, s.on_call, e.rule_code FROM escalation_steps s
                JOIN escalations e ON e.id = s.escalation_id AND e.tenant_id = s.tenant_id
                WHERE s.tenant_id = ? AND s.lead_id = ? ORDER BY s.id""")
                .params(tenant.value(), leadId)
                .query((rs, n) -> new Entry(instant(rs, "at"), Kind.ESCALATION, "Emergency \"" + RuleNames.plain(rs.getString("rule_code")) + "\"" 
                        + ", rung " + (rs.getInt("step") + 1) + ": " + step(rs.getString("kind"))
                        + (rs.getString("on_call") == null ? "" : " " + national(rs.getString("on_call"))), lower(rs.getString("kind")), null))
                .list();
    }

    /** The text-back did not reach the caller: staff were told to call them back. */
    private List<Entry> notReached(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT not_reached_at, not_reached_reason FROM leads WHERE tenant_id = ? AND id = ? AND not_reached_at IS NOT NULL")
                .params(tenant.value(), leadId)
                .query((rs, n) -> new Entry(instant(rs, "not_reached_at"), Kind.STAFF, "Not reached by text: "
                        + rs.getString("not_reached_reason") + ". Staff were asked to call them back.", "not reached", null))
                .list();
    }

    /** Takeovers, resumes (with the summary Anna resumed with) and corrections, each with who made them. */
    private List<Entry> journal(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT kind, actor, note, at FROM lead_journal WHERE tenant_id = ? AND lead_id = ? ORDER BY id")
                .params(tenant.value(), leadId)
                .query((rs, n) -> new Entry(instant(rs, "at"), Kind.STAFF, switch (rs.getString("kind")) {
                    case "TAKEOVER" -> rs.getString("actor") + " took the conversation over; Anna paused";
                    case "RESUME" -> rs.getString("actor") + " handed the conversation back to Anna. Her summary: "
                            + rs.getString("note");
                    default -> rs.getString("actor") + " corrected the " + rs.getString("note");
                }, null, null))
                .list();
    }

    /** What Anna did with a caller's text, in words. */
    private static String turn(@Nullable String agent, @Nullable String action) {
        String did = switch (action == null ? "" : action) {
            case "ASK" -> "asked the next question";
            case "OFFER_SLOTS" -> "offered times";
            case "BOOK" -> "booked the job";
            case "ESCALATE" -> "paged the on-call technician";
            case "HAND_OFF" -> "handed the conversation to a person";
            case "CLOSE" -> "closed the conversation";
            case "SKIPPED" -> "stayed quiet: a person has the conversation";
            case "FAILED" -> "could not answer; a person was told";
            default -> lower(action);
        };
        return "Anna " + did + ("offline".equals(agent) ? " (built-in rules)" : "");
    }

    private static final java.util.Set<String> RETRYABLE = java.util.Set.of("REJECTED", "FAILED");

    /** Each unit of CRM work with its state; a finished one links to the record it wrote, when one is known. */
    private List<Entry> crm(TenantId tenant, long leadId) {
        List<Entry> entries = new ArrayList<>();
        jdbc.sql("""
                SELECT w.id, w.kind, w.state, w.attempts, w.last_error, w.updated_at, c.crm_id FROM crm_sync_work w
                JOIN crm_connections c ON c.id = w.connection_id AND c.tenant_id = w.tenant_id
                WHERE w.tenant_id = ? AND w.lead_id = ? ORDER BY w.id""")
                .params(tenant.value(), leadId)
                .query((RowCallbackHandler) rs -> entries.add(new Entry(instant(rs, "updated_at"), Kind.CRM, rs.getString("crm_id") + " sync of "
                        + lower(rs.getString("kind")) + (rs.getInt("attempts") == 0 ? "" : ", " + rs.getInt("attempts") + " failed attempt(s)")
                        + (rs.getString("last_error") == null ? "" : ": " + rs.getString("last_error")),
                        lower(rs.getString("state")), null,
                        RETRYABLE.contains(rs.getString("state")) ? rs.getLong("id") : null)));
        jdbc.sql("""
                SELECT crm_id, item_key, external_type, external_id, external_url, created_at FROM crm_links
                WHERE tenant_id = ? AND lead_id = ? AND external_type <> 'pending' ORDER BY created_at""")
                .params(tenant.value(), leadId)
                .query((RowCallbackHandler) rs -> entries.add(new Entry(instant(rs, "created_at"), Kind.CRM, rs.getString("crm_id") + " "
                        + rs.getString("external_type") + " " + rs.getString("external_id") + " (" + rs.getString("item_key") + ")",
                        "written", link(tenant, rs.getString("crm_id"), rs.getString("external_type"), rs.getString("external_id"),
                        rs.getString("external_url")))));
        return entries;
    }

    private @Nullable URI link(TenantId tenant, String crm, String type, String id, @Nullable String storedUrl) {
        RecordLinks found = links.getIfAvailable();
        return found == null ? null : found.link(tenant, crm, type, id, storedUrl).orElse(null);
    }

    private static String author(String purpose) {
        return switch (purpose) {
            case "staff" -> "Staff";
            case "turn" -> "Anna";
            case "textback", "repeat-call" -> "Text-back";
            default -> "Redial";
        };
    }

    private static String step(String kind) {
        return switch (kind) {
            case "PAGED" -> "paged";
            case "NO_ANSWER" -> "no acknowledgement in time from";
            case "ACKNOWLEDGED" -> "acknowledged by";
            case "EXHAUSTED" -> "nobody acknowledged; handed to a person";
            case "NO_ON_CALL" -> "nobody is on call";
            case "CALLER_TOLD" -> "caller told what happens next";
            default -> lower(kind);
        };
    }

    /** The business's own numbers (its lines, its on-call staff) read in their national format. */
    private static String national(String e164) {
        PhoneNumber number = new PhoneNumber(e164);
        return number.display(number);
    }

    private static String lower(@Nullable String s) {
        return s == null ? "undecided" : s.toLowerCase().replace('_', ' ');
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
