package io.redial.receptionist;

import io.redial.receptionist.escalation.HumanTakeover;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The console's conversations screen in one place: live threads, one thread's texts with their delivery state,
 * and the takeover verbs, which go through {@link HumanTakeover} so a person's reply takes Anna's sending path.
 * Every read and every verb is scoped by tenant; another tenant's id reads as missing.
 */
@Service
public class ConversationDesk {

    /** A thread in the list: who, which line, the last thing said, and whether a person has it. */
    public record Thread(long id, PhoneNumber caller, @Nullable String callerName, PhoneNumber line, boolean open,
            boolean handledByHuman, Instant lastActivityAt, @Nullable String lastText) {
    }

    /** One text; {@code author} is caller, receptionist, staff or system; {@code state} its send or delivery state. */
    public record Text(Instant at, String author, String body, String state) {
    }

    private final JdbcClient jdbc;
    private final HumanTakeover takeover;

    ConversationDesk(JdbcClient jdbc, HumanTakeover takeover) {
        this.jdbc = jdbc;
        this.takeover = takeover;
    }

    /** Most recent activity first; open threads and those closed in the last day. */
    public List<Thread> live(TenantId tenant, Instant since) {
        return jdbc.sql(SELECT + " WHERE v.tenant_id = ? AND (v.state = 'OPEN' OR v.last_activity_at >= ?)"
                        + " ORDER BY v.last_activity_at DESC, v.id DESC LIMIT 200")
                .params(tenant.value(), LocalDateTime.ofInstant(since, ZoneOffset.UTC))
                .query(ConversationDesk::thread).list();
    }

    public Optional<Thread> find(TenantId tenant, long conversationId) {
        return jdbc.sql(SELECT + " WHERE v.tenant_id = ? AND v.id = ?").params(tenant.value(), conversationId)
                .query(ConversationDesk::thread).optional();
    }

    public List<Text> texts(TenantId tenant, long conversationId) {
        return jdbc.sql("""
                SELECT created_at, direction, purpose, body, send_state, carrier_status FROM messages
                WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, id""")
                .params(tenant.value(), conversationId)
                .query((rs, n) -> new Text(instant(rs, "created_at"), author(rs.getString("direction"),
                        rs.getString("purpose")), rs.getString("body"), ("in".equals(rs.getString("direction")) ? "received"
                        : rs.getString("carrier_status") != null ? rs.getString("carrier_status")
                        : rs.getString("send_state")).toLowerCase()))
                .list();
    }

    public void takeOver(TenantId tenant, long conversationId) {
        requireOwn(tenant, conversationId);
        takeover.takeOver(tenant, conversationId);
    }

    /** Sends a person's reply through the ledger (pacing and opt-out checks apply); Anna stays paused. */
    public void reply(TenantId tenant, long conversationId, String body) {
        if (body.isBlank()) {
            throw new IllegalArgumentException("Write a reply first.");
        }
        Thread thread = requireOwn(tenant, conversationId);
        if (!thread.open()) {
            throw new IllegalArgumentException("This conversation is closed.");
        }
        takeover.reply(tenant, conversationId, body.strip());
    }

    /** Anna resumes with a summary of what is known; @return that summary */
    public String resume(TenantId tenant, long conversationId) {
        requireOwn(tenant, conversationId);
        return takeover.handBack(tenant, conversationId);
    }

    private Thread requireOwn(TenantId tenant, long conversationId) {
        return find(tenant, conversationId).orElseThrow(() -> new IllegalArgumentException("No such conversation."));
    }

    private static String author(String direction, String purpose) {
        if ("in".equals(direction)) {
            return "caller";
        }
        return switch (purpose) {
            case "staff" -> "staff";
            case "turn", "textback", "repeat-call" -> "receptionist";
            default -> "system";
        };
    }

    private static final String SELECT = """
            SELECT v.id, v.state, v.handled_by_human, v.last_activity_at, c.phone, p.number,
                   (SELECT l.caller_name FROM leads l WHERE l.tenant_id = v.tenant_id AND l.caller_id = v.caller_id
                    AND l.caller_name IS NOT NULL ORDER BY l.id DESC LIMIT 1) AS caller_name,
                   (SELECT m.body FROM messages m WHERE m.tenant_id = v.tenant_id AND m.conversation_id = v.id
                    ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS last_text
            FROM conversations v JOIN callers c ON c.id = v.caller_id JOIN phone_lines p ON p.id = v.line_id""";

    private static Thread thread(ResultSet rs, int n) throws SQLException {
        return new Thread(rs.getLong("id"), new PhoneNumber(rs.getString("phone")), rs.getString("caller_name"),
                new PhoneNumber(rs.getString("number")), "OPEN".equals(rs.getString("state")),
                rs.getBoolean("handled_by_human"), instant(rs, "last_activity_at"), rs.getString("last_text"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
