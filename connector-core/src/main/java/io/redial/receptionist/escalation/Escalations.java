package io.redial.receptionist.escalation;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Escalations and their steps, always scoped by tenant. */
@Repository
public class Escalations {

    public record Escalation(long id, long leadId, long conversationId, String summary, String state, int step,
            String language) {
    }

    public record Step(int step, String kind, @Nullable String onCall) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Escalations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long open(TenantId tenant, long leadId, long conversationId, String rule, String summary) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO escalations (tenant_id, lead_id, conversation_id, rule_code, summary, state, step, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'PAGING', 0, ?, ?)""")
                .params(tenant.value(), leadId, conversationId, rule, summary, now(), now()).update(keys);
        return keys.getKey().longValue();
    }

    void step(TenantId tenant, long escalationId, long leadId, int step, String kind, @Nullable PhoneNumber onCall) {
        jdbc.sql("INSERT INTO escalation_steps (tenant_id, escalation_id, lead_id, step, kind, on_call, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(tenant.value(), escalationId, leadId, step, kind, onCall == null ? null : onCall.e164(), now()).update();
    }

    void setState(TenantId tenant, long id, String state, int step) {
        jdbc.sql("UPDATE escalations SET state = ?, step = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(state, step, now(), tenant.value(), id).update();
    }

    void acknowledgedBy(TenantId tenant, long id, PhoneNumber who) {
        jdbc.sql("UPDATE escalations SET acknowledged_by = ? WHERE tenant_id = ? AND id = ?").params(who.e164(), tenant.value(), id).update();
    }

    /** The escalation, locked, when it is still paging. */
    Optional<Escalation> lockPaging(TenantId tenant, long id) {
        return jdbc.sql(SELECT + " WHERE e.tenant_id = ? AND e.id = ? AND e.state = 'PAGING' FOR UPDATE")
                .params(tenant.value(), id).query(this::escalation).optional();
    }

    /** The newest escalation still paging in which this number was paged. */
    Optional<Escalation> pagingFor(TenantId tenant, PhoneNumber onCall) {
        return jdbc.sql(SELECT + " " + """
                 WHERE e.tenant_id = ? AND e.state = 'PAGING' AND EXISTS (SELECT 1 FROM escalation_steps s
                   WHERE s.tenant_id = e.tenant_id AND s.escalation_id = e.id AND s.kind = 'PAGED' AND s.on_call = ?)
                 ORDER BY e.id DESC LIMIT 1 FOR UPDATE""")
                .params(tenant.value(), onCall.e164()).query(this::escalation).optional();
    }

    /** Every step recorded on a lead, in order. */
    public List<Step> stepsOf(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT step, kind, on_call FROM escalation_steps WHERE tenant_id = ? AND lead_id = ? ORDER BY id")
                .params(tenant.value(), leadId).query((rs, n) -> new Step(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    private static final String SELECT = """
            SELECT e.*, COALESCE(s.language, 'en') AS language FROM escalations e
            LEFT JOIN receptionist_state s ON s.conversation_id = e.conversation_id AND s.tenant_id = e.tenant_id""";

    private Escalation escalation(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Escalation(rs.getLong("id"), rs.getLong("lead_id"), rs.getLong("conversation_id"),
                rs.getString("summary"), rs.getString("state"), rs.getInt("step"), rs.getString("language"));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
