package io.redial.receptionist.escalation;

import io.redial.receptionist.ReceptionistProfiles;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.LineSettings;
import io.redial.tenants.OnCallRoster;
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
 * The console's on-call screen: the paging ladder in order (with names), the acknowledgement timeout, who is on
 * call now, and recent escalations with every step. {@link OnCallPaging} pages the rungs in this order.
 */
@Service
public class OnCallLadder {

    public record Rung(String name, PhoneNumber phone) {
    }

    public record Ladder(List<Rung> rungs, int ackMinutes) {
    }

    public record Step(Instant at, int rung, String kind, @Nullable PhoneNumber onCall) {
    }

    public record Escalation(long id, long leadId, String rule, String summary, String state,
            @Nullable PhoneNumber acknowledgedBy, Instant openedAt, List<Step> steps) {
    }

    private final JdbcClient jdbc;
    private final OnCallRoster roster;
    private final ReceptionistProfiles profiles;

    OnCallLadder(JdbcClient jdbc, OnCallRoster roster, ReceptionistProfiles profiles) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.profiles = profiles;
    }

    public Ladder ladder(TenantId tenant) {
        return profiles.find(tenant).map(p -> new Ladder(roster.ladder(tenant).stream()
                        .map(person -> new Rung(person.name(), person.phone())).toList(), p.onCallAckMinutes()))
                .orElse(new Ladder(List.of(), 5));
    }

    /** The person a new emergency pages first: the top of the ladder, as {@link OnCallPaging} does. */
    public Optional<Rung> onCallNow(TenantId tenant) {
        return ladder(tenant).rungs().stream().findFirst();
    }

    /** Replaces the ladder; numbers as typed are checked as E.164, no number twice, a timeout of 1 to 60 minutes. */
    public void save(TenantId tenant, List<Rung> rungs, int ackMinutes) {
        roster.replace(tenant, rungs.stream().map(r -> new OnCallRoster.Person(r.name(), r.phone())).toList(), ackMinutes);
        profiles.forget(tenant);
    }

    /** A rung as a person typed it. */
    public static Rung rung(String name, String number) {
        return new Rung(name.strip(), LineSettings.number(number));
    }

    /** The newest escalations first, each with its steps in order. */
    public List<Escalation> recent(TenantId tenant, int limit) {
        return jdbc.sql("""
                SELECT id, lead_id, rule_code, summary, state, acknowledged_by, created_at FROM escalations
                WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new Escalation(rs.getLong("id"), rs.getLong("lead_id"), rs.getString("rule_code"),
                        rs.getString("summary"), rs.getString("state"), phone(rs.getString("acknowledged_by")),
                        instant(rs, "created_at"), List.of()))
                .list().stream()
                .map(e -> new Escalation(e.id(), e.leadId(), e.rule(), e.summary(), e.state(), e.acknowledgedBy(),
                        e.openedAt(), steps(tenant, e.id())))
                .toList();
    }

    private List<Step> steps(TenantId tenant, long escalationId) {
        return jdbc.sql("SELECT at, step, kind, on_call FROM escalation_steps WHERE tenant_id = ? AND escalation_id = ? ORDER BY id")
                .params(tenant.value(), escalationId)
                .query((rs, n) -> new Step(instant(rs, "at"), rs.getInt("step"), rs.getString("kind"),
                        phone(rs.getString("on_call"))))
                .list();
    }

    private static @Nullable PhoneNumber phone(@Nullable String e164) {
        return e164 == null ? null : new PhoneNumber(e164);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
