package io.redial.lines;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.Tenants;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How many of each line's texts reached their phones lately: the dashboard's delivery rate per line. */
@Service
public class LineDelivery {

    /** {@code settled}: texts whose fate the carrier reported (delivered, undelivered or failed). */
    public record Rate(PhoneNumber line, int delivered, int notDelivered) {

        public int settled() {
            return delivered + notDelivered;
        }

        /** Percent delivered of the settled texts; 100 when none settled yet. */
        public int percent() {
            return settled() == 0 ? 100 : Math.round(100f * delivered / settled());
        }
    }

    /** A line whose texts are queued behind its pace: when the last one queued now will go. */
    public record Backlog(PhoneNumber line, Duration clearsIn) {
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Clock clock;

    LineDelivery(JdbcClient jdbc, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** Per line of the tenant, over the last {@code window}; a text refused when handed over counts as not delivered. */
    public List<Rate> rates(TenantId tenant, Duration window) {
        return jdbc.sql("""
                SELECT l.number,
                       COALESCE(SUM(m.carrier_status IN ('delivered', 'read')), 0) AS delivered,
                       COALESCE(SUM(m.carrier_status IN ('undelivered', 'failed')
                                    OR (m.send_state = 'FAILED' AND m.error_code IS NOT NULL AND m.error_code <> 'opted-out')), 0) AS lost
                FROM phone_lines l
                LEFT JOIN messages m ON m.tenant_id = l.tenant_id AND m.from_number = l.number AND m.direction = 'out'
                                     AND m.created_at >= ?
                WHERE l.tenant_id = ? GROUP BY l.number ORDER BY l.number""")
                .params(LocalDateTime.ofInstant(clock.instant().minus(window), ZoneOffset.UTC), tenant.value())
                .query((rs, n) -> new Rate(new PhoneNumber(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /**
     * Lines with texts waiting for their pace slot (a burst after a storm), longest first. The last caller of a
     * burst waits for whichever is later: the sender's next free slot (SenderPacing keeps it in one row, for all
     * nodes), or every text still unsent, and every missed call of the last minutes still being decided, going out
     * one gap of the line's pace apart from now.
     */
    public List<Backlog> backlogs(TenantId tenant) {
        long now = clock.millis();
        LocalDateTime recent = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(15)), ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT l.number, COALESCE(p.next_slot_ms, 0),
                       (SELECT COUNT(*) FROM messages m WHERE m.tenant_id = l.tenant_id AND m.from_number = l.number
                          AND m.created_at >= ? AND m.direction = 'out' AND m.send_state IN ('PENDING', 'SENDING'))
                     + (SELECT COUNT(*) FROM calls c WHERE c.tenant_id = l.tenant_id AND c.line_id = l.id
                          AND c.received_at >= ? AND c.text_decision IS NULL AND (c.outcome IS NULL OR c.outcome = 'MISSED'))
                FROM phone_lines l JOIN tenants t ON t.id = l.tenant_id
                LEFT JOIN sender_pacing p ON p.sender = COALESCE(l.messaging_service_sid, t.messaging_service_sid, l.number)
                WHERE l.tenant_id = ? ORDER BY l.number""")
                .params(recent, recent, tenant.value())
                .query((rs, n) -> {
                    PhoneNumber line = new PhoneNumber(rs.getString(1));
                    long gap = 60_000L / Math.max(1, tenants.sending(tenant, line).sendsPerMinute());
                    long until = Math.max(rs.getLong(2) - now, rs.getLong(3) * gap);
                    return new Backlog(line, Duration.ofMillis(until));
                })
                .list().stream().filter(b -> b.clearsIn().toSeconds() >= 5)
                .sorted(java.util.Comparator.comparing(Backlog::clearsIn).reversed()).toList();
    }
}
