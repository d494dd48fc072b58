package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's phone lines screen: each line's call pattern (a: we ring the team's phones, all at once or in
 * order, with a ring timeout and screening; b: the contractor's carrier forwards unanswered calls), its ring list
 * and its text pace. Checked before saving, scoped by tenant, seen by the next call.
 */
@Service
public class LineSettings {

    /** A line as the screen edits it; {@code sendsPerMinute} null means the tenant's pace. */
    public record Line(long id, PhoneNumber number, CallPattern pattern, boolean ringInOrder, List<PhoneNumber> ringList,
            int ringTimeoutSeconds, boolean screening, @Nullable PhoneNumber forwardedFrom, @Nullable Integer sendsPerMinute,
            int tenantSendsPerMinute) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;

    LineSettings(JdbcClient jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** Numbers as a person typed them, one per line or comma-separated, each as E.164 (US without a country code). */
    public static List<PhoneNumber> numbers(String typed) {
        return java.util.Arrays.stream(typed.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .map(LineSettings::number).toList();
    }

    public static PhoneNumber number(String typed) {
        try {
            return PhoneNumber.parse(typed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + typed.strip() + "\" is not a phone number; write it as +1 512 555 0100.");
        }
    }

    public List<Line> lines(TenantId tenant) {
        int tenantPace = tenants.policy(tenant).sendsPerMinute();
        return jdbc.sql("SELECT * FROM phone_lines WHERE tenant_id = ? ORDER BY number").param(tenant.value())
                .query((rs, n) -> new Line(rs.getLong("id"), new PhoneNumber(rs.getString("number")),
                        CallPattern.of(rs.getString("pattern")), "sequential".equals(rs.getString("ring_strategy")),
                        Tenants.numbers(rs.getString("ring_list")), rs.getInt("ring_timeout_seconds"),
                        rs.getBoolean("screening"), rs.getString("forwarded_from") == null ? null
                        : new PhoneNumber(rs.getString("forwarded_from")),
                        rs.getObject("sends_per_minute") == null ? null : rs.getInt("sends_per_minute"), tenantPace))
                .list();
    }

    public Optional<Line> line(TenantId tenant, long lineId) {
        return lines(tenant).stream().filter(l -> l.id() == lineId).findFirst();
    }

    /** Saves the editable parts of a line (its number is the carrier's and stays). */
    @Transactional
    public void save(TenantId tenant, Line line) {
        line(tenant, line.id()).orElseThrow(() -> new IllegalArgumentException("No such line."));
        if (line.pattern() == CallPattern.DIAL && line.ringList().isEmpty()) {
            throw new IllegalArgumentException("A line that rings the team needs at least one phone in its ring list.");
        }
        if (line.ringList().contains(line.number())) {
            throw new IllegalArgumentException("A line cannot ring itself.");
        }
        if (line.ringTimeoutSeconds() < 5 || line.ringTimeoutSeconds() > 60) {
            throw new IllegalArgumentException("Ring timeout must be between 5 and 60 seconds.");
        }
        if (line.sendsPerMinute() != null && (line.sendsPerMinute() < 1 || line.sendsPerMinute() > 600)) {
            throw new IllegalArgumentException("Texts per minute must be between 1 and 600.");
        }
        jdbc.sql("""
                UPDATE phone_lines SET pattern = ?, ring_strategy = ?, ring_list = ?, ring_timeout_seconds = ?,
                       screening = ?, forwarded_from = ?, sends_per_minute = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(line.pattern().key(), line.ringInOrder() ? "sequential" : "simultaneous",
                        line.ringList().stream().map(PhoneNumber::e164).distinct().collect(Collectors.joining(",")),
                        line.ringTimeoutSeconds(), line.screening(),
                        line.forwardedFrom() == null ? null : line.forwardedFrom().e164(), line.sendsPerMinute(),
                        tenant.value(), line.id())
                .update();
        tenants.configurationChanged();
    }
}
