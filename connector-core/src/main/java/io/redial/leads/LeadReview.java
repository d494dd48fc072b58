package io.redial.leads;

import io.redial.shared.DeliveryWords;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The console's read side of leads: a filtered list, and one lead with its call and every text. Tenant-scoped. */
@Service
public class LeadReview {

    /** Any field left null does not filter. Dates are days in {@code zone}. */
    public record Filter(@Nullable LeadStatus status, @Nullable String trade, @Nullable Urgency urgency,
            @Nullable PhoneNumber line, @Nullable LocalDate from, @Nullable LocalDate to, ZoneId zone) {
    }

    public record Row(long id, Instant createdAt, PhoneNumber caller, @Nullable String callerName, LeadStatus status,
            @Nullable String trade, @Nullable String urgency, @Nullable PhoneNumber line, @Nullable String callOutcome) {
    }

    public record Text(Instant at, boolean fromCaller, String purpose, String body, String state,
            @Nullable String errorCode) {
    }

    public record CallFacts(Instant receivedAt, PhoneNumber line, @Nullable String outcome, @Nullable String reason,
            @Nullable String textDecision) {
    }

    public record Page(Row lead, @Nullable String problem, @Nullable String suppressionReason, @Nullable CallFacts call,
            List<Text> texts) {
    }

    private static final String SELECT = """
            SELECT l.id, l.created_at, l.status, l.trade, l.urgency, l.caller_name, l.problem, l.suppression_reason,
                   l.call_id, c.phone, k.to_number, k.outcome, k.outcome_reason, k.received_at, k.text_decision
            FROM leads l JOIN callers c ON c.id = l.caller_id AND c.tenant_id = l.tenant_id
            LEFT JOIN calls k ON k.id = l.call_id AND k.tenant_id = l.tenant_id
            WHERE l.tenant_id = ?""";

    private final JdbcClient jdbc;

    LeadReview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> search(TenantId tenant, Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>(List.of(tenant.value()));
        and(sql, params, "l.status = ?", filter.status() == null ? null : filter.status().name());
        and(sql, params, "l.trade = ?", filter.trade());
        and(sql, params, "l.urgency = ?", filter.urgency() == null ? null : filter.urgency().name());
        and(sql, params, "k.to_number = ?", filter.line() == null ? null : filter.line().e164());
        and(sql, params, "l.created_at >= ?", filter.from() == null ? null : utc(filter.from(), filter.zone()));
        and(sql, params, "l.created_at < ?", filter.to() == null ? null : utc(filter.to().plusDays(1), filter.zone()));
        sql.append(" ORDER BY l.created_at DESC, l.id DESC LIMIT 500");
        return jdbc.sql(sql.toString()).params(params).query(LeadReview::row).list();
    }

    /** Empty when no lead of this tenant has the id: another tenant's id looks exactly like a missing one. */
    public Optional<Page> page(TenantId tenant, long leadId) {
        return jdbc.sql(SELECT + " AND l.id = ?").params(tenant.value(), leadId)
                .query((rs, n) -> new Page(row(rs, n), rs.getString("problem"), rs.getString("suppression_reason"),
                        rs.getObject("received_at") == null ? null : new CallFacts(instant(rs, "received_at"),
                                new PhoneNumber(rs.getString("to_number")), rs.getString("outcome"),
                                rs.getString("outcome_reason"), rs.getString("text_decision")),
                        List.of()))
                .optional()
                .map(page -> new Page(page.lead(), page.problem(), page.suppressionReason(), page.call(),
                        texts(tenant, page.lead().caller())));
    }

    private List<Text> texts(TenantId tenant, PhoneNumber caller) {
        return jdbc.sql("""
                SELECT created_at, direction, purpose, body, send_state, carrier_status, error_code FROM messages
                WHERE tenant_id = ? AND ((direction = 'in' AND from_number = ?) OR (direction = 'out' AND to_number = ?))
                ORDER BY created_at, id""")
                .params(tenant.value(), caller.e164(), caller.e164())
                .query((rs, n) -> new Text(instant(rs, "created_at"), "in".equals(rs.getString("direction")),
                        rs.getString("purpose"), rs.getString("body"),
                        DeliveryWords.of(rs.getString("send_state"), rs.getString("carrier_status")),
                        rs.getString("error_code")))
                .list();
    }

    private static void and(StringBuilder sql, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static LocalDateTime utc(LocalDate day, ZoneId zone) {
        return LocalDateTime.ofInstant(day.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String line = rs.getString("to_number");
        return new Row(rs.getLong("id"), instant(rs, "created_at"), new PhoneNumber(rs.getString("phone")),
                rs.getString("caller_name"), LeadStatus.valueOf(rs.getString("status")), rs.getString("trade"),
                rs.getString("urgency"), line == null ? null : new PhoneNumber(line), rs.getString("outcome"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
