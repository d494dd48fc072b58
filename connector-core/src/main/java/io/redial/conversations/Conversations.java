package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Conversations, always scoped by tenant. */
@Repository
public class Conversations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conversations(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's open conversation on this line, or a new one. */
    public Conversation openFor(TenantId tenant, long callerId, long lineId) {
        return findOpen(tenant, callerId, lineId).orElseGet(() -> find(tenant, open(tenant, callerId, lineId)).orElseThrow());
    }

    /** A new open conversation; the caller holds the caller's row locked and knows none is open on this line. */
    long open(TenantId tenant, long callerId, long lineId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO conversations (tenant_id, caller_id, line_id, state, opened_at, last_activity_at)
                VALUES (?, ?, ?, 'OPEN', ?, ?)""")
                .params(tenant.value(), callerId, lineId, now(), now()).update(keys);
        return keys.getKey().longValue();
    }

    public Optional<Conversation> findOpen(TenantId tenant, long callerId, long lineId) {
        return jdbc.sql(SELECT + " WHERE v.tenant_id = ? AND v.caller_id = ? AND v.line_id = ? AND v.state = 'OPEN' ORDER BY v.id DESC LIMIT 1")
                .params(tenant.value(), callerId, lineId).query(Conversations::conversation).optional();
    }

    public Optional<Conversation> find(TenantId tenant, long conversationId) {
        return jdbc.sql(SELECT + " WHERE v.tenant_id = ? AND v.id = ?").params(tenant.value(), conversationId)
                .query(Conversations::conversation).optional();
    }

    public void touch(TenantId tenant, long conversationId) {
        jdbc.sql("UPDATE conversations SET last_activity_at = ? WHERE tenant_id = ? AND id = ?")
                .params(now(), tenant.value(), conversationId).update();
    }

    /** A person takes over (true) or hands back to the receptionist (false). */
    public void setHandledByHuman(TenantId tenant, long conversationId, boolean human) {
        jdbc.sql("UPDATE conversations SET handled_by_human = ?, last_activity_at = ? WHERE tenant_id = ? AND id = ?")
                .params(human, now(), tenant.value(), conversationId).update();
    }

    /** Closes an open conversation once and announces it. */
    public boolean close(TenantId tenant, long conversationId, String reason) {
        int changed = jdbc.sql("""
                UPDATE conversations SET state = 'CLOSED', closed_at = ? WHERE tenant_id = ? AND id = ? AND state = 'OPEN'""")
                .params(now(), tenant.value(), conversationId).update();
        if (changed == 1) {
            events.publishEvent(new ConversationClosed(tenant, conversationId, reason));
        }
        return changed == 1;
    }

    /** Every text of the conversation in order, for transcripts. */
    public List<TranscriptLine> transcript(TenantId tenant, long conversationId) {
        return jdbc.sql("""
                SELECT created_at, direction, purpose, body FROM messages
                WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, id""")
                .params(tenant.value(), conversationId)
                .query((rs, n) -> new TranscriptLine(
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        author(rs.getString("direction"), rs.getString("purpose")), rs.getString("body")))
                .list();
    }

    /** The caller's last {@code limit} texts before this one, oldest first. */
    public List<String> callerTextsBefore(TenantId tenant, long conversationId, long messageId, int limit) {
        List<String> newestFirst = jdbc.sql("""
                SELECT body FROM messages WHERE tenant_id = ? AND conversation_id = ? AND direction = 'in' AND id < ?
                ORDER BY id DESC LIMIT ?""")
                .params(tenant.value(), conversationId, messageId, limit).query(String.class).list();
        return newestFirst.reversed();
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
            SELECT v.*, c.phone AS caller_phone, p.number AS line_number FROM conversations v
            JOIN callers c ON c.id = v.caller_id JOIN phone_lines p ON p.id = v.line_id""";

    private static Conversation conversation(ResultSet rs, int n) throws SQLException {
        return new Conversation(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), rs.getLong("caller_id"),
                new PhoneNumber(rs.getString("caller_phone")), rs.getLong("line_id"),
                new PhoneNumber(rs.getString("line_number")), "OPEN".equals(rs.getString("state")),
                rs.getBoolean("handled_by_human"), instant(rs, "opened_at"), instant(rs, "last_activity_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
