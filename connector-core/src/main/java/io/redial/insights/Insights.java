package io.redial.insights;

import io.redial.shared.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures over a tenant's last days, counted in the tenant's time zone. Time-to-text runs from
 * the moment a call was known missed to the moment its text-back left us; acknowledgement time from an
 * emergency's escalation to the on-call person's "yes". Percentiles are nearest-rank.
 */
@Service
public class Insights {

    public record Summary(LocalDate from, LocalDate to, int missedCalls, int texted, int replies,
            @Nullable Duration medianTimeToText, @Nullable Duration p95TimeToText, List<TradeJobs> booked,
            int emergencies, int acknowledged, @Nullable Duration medianAcknowledgement, List<Day> byDay,
            List<Hour> byHour) {

        /** Share of missed calls that got a text, 0..1; 0 without missed calls. */
        public double textedShare() {
            return missedCalls == 0 ? 0 : (double) texted / missedCalls;
        }

        public int bookedJobs() {
            return booked.stream().mapToInt(TradeJobs::jobs).sum();
        }

        /** The estimated value of every booked job whose trade has a job value set. */
        public BigDecimal estimatedValue() {
            return booked.stream().map(TradeJobs::estimatedValue).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** Booked jobs of one trade; the value is unknown (null) until the tenant says what a job is worth. */
    public record TradeJobs(String trade, int jobs, @Nullable BigDecimal averageValue) {
        public @Nullable BigDecimal estimatedValue() {
            return averageValue == null ? null : averageValue.multiply(BigDecimal.valueOf(jobs));
        }
    }

    public record Day(LocalDate day, int missed, int texted, int booked) {
    }

    public record Hour(int hour, int missed, int texted) {
    }

    private record MissedCall(Instant missedAt, @Nullable Instant textedAt, boolean replied) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Insights(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The last {@code days} days up to now, today included. */
    public Summary lastDays(TenantId tenant, ZoneId zone, int days) {
        LocalDate to = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = to.minusDays(days - 1L);
        LocalDateTime since = LocalDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);

        List<MissedCall> missed = missedCalls(tenant, since);
        List<Instant> bookedAt = jdbc.sql("SELECT created_at FROM bookings WHERE tenant_id = ? AND created_at >= ?")
                .params(tenant.value(), since).query((rs, n) -> utc(rs.getObject(1, LocalDateTime.class))).list();
        List<Duration> toText = missed.stream().filter(m -> m.textedAt() != null)
                .map(m -> Duration.between(m.missedAt(), m.textedAt())).sorted().toList();
        List<Duration> toAck = acknowledgements(tenant, since);
        int emergencies = jdbc.sql("SELECT COUNT(*) FROM escalations WHERE tenant_id = ? AND created_at >= ?")
                .params(tenant.value(), since).query(Integer.class).single();

        return new Summary(from, to, missed.size(), toText.size(), (int) missed.stream().filter(MissedCall::replied).count(),
                percentile(toText, 50), percentile(toText, 95), booked(tenant, since), emergencies, toAck.size(),
                percentile(toAck, 50), byDay(from, to, zone, missed, bookedAt), byHour(zone, missed));
    }

    private List<MissedCall> missedCalls(TenantId tenant, LocalDateTime since) {
        // decided_at is when we knew the call was missed; the first text-back that left us answers it, and any
        // text from the caller after the call counts as a reply.
        return jdbc.sql("""
                SELECT COALESCE(k.decided_at, k.received_at) AS missed_at,
                       (SELECT MIN(m.sent_at) FROM messages m WHERE m.tenant_id = k.tenant_id AND m.call_id = k.id
                          AND m.direction = 'out' AND m.purpose = 'textback' AND m.sent_at IS NOT NULL) AS texted_at,
                       EXISTS (SELECT 1 FROM messages r WHERE r.tenant_id = k.tenant_id AND r.direction = 'in'
                          AND r.from_number = k.from_number AND r.created_at >= k.received_at) AS replied
                FROM calls k WHERE k.tenant_id = ? AND k.outcome = 'MISSED' AND k.received_at >= ?""")
                .params(tenant.value(), since)
                .query((rs, n) -> new MissedCall(utc(rs.getObject("missed_at", LocalDateTime.class)),
                        rs.getObject("texted_at") == null ? null : utc(rs.getObject("texted_at", LocalDateTime.class)),
                        rs.getBoolean("replied")))
                .list();
    }

    private List<TradeJobs> booked(TenantId tenant, LocalDateTime since) {
        return jdbc.sql("""
                SELECT COALESCE(l.trade, 'unspecified') AS trade, COUNT(*) AS jobs, v.average_value
                FROM bookings b JOIN leads l ON l.id = b.lead_id AND l.tenant_id = b.tenant_id
                LEFT JOIN trade_job_values v ON v.tenant_id = b.tenant_id AND v.trade = l.trade
                WHERE b.tenant_id = ? AND b.created_at >= ?
                GROUP BY COALESCE(l.trade, 'unspecified'), v.average_value ORDER BY jobs DESC, trade""")
                .params(tenant.value(), since)
                .query((rs, n) -> new TradeJobs(rs.getString("trade"), rs.getInt("jobs"), rs.getBigDecimal("average_value")))
                .list();
    }

    private List<Duration> acknowledgements(TenantId tenant, LocalDateTime since) {
        return jdbc.sql("""
                SELECT e.created_at, MIN(s.at) AS acked_at FROM escalations e
                JOIN escalation_steps s ON s.escalation_id = e.id AND s.tenant_id = e.tenant_id AND s.kind = 'ACKNOWLEDGED'
                WHERE e.tenant_id = ? AND e.created_at >= ? GROUP BY e.id, e.created_at""")
                .params(tenant.value(), since)
                .query((rs, n) -> Duration.between(utc(rs.getObject(1, LocalDateTime.class)),
                        utc(rs.getObject(2, LocalDateTime.class))))
                .list().stream().sorted().toList();
    }

    private static List<Day> byDay(LocalDate from, LocalDate to, ZoneId zone, List<MissedCall> missed,
            List<Instant> bookedAt) {
        Map<LocalDate, int[]> days = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new int[3]);
        }
        missed.forEach(m -> {
            int[] counts = days.get(LocalDate.ofInstant(m.missedAt(), zone));
            if (counts != null) {
                counts[0]++;
                counts[1] += m.textedAt() == null ? 0 : 1;
            }
        });
        bookedAt.forEach(at -> {
            int[] counts = days.get(LocalDate.ofInstant(at, zone));
            if (counts != null) {
                counts[2]++;
            }
        });
        List<Day> out = new ArrayList<>();
        days.forEach((day, c) -> out.add(new Day(day, c[0], c[1], c[2])));
        return out;
    }

    private static List<Hour> byHour(ZoneId zone, List<MissedCall> missed) {
        int[][] hours = new int[24][2];
        missed.forEach(m -> {
            int hour = m.missedAt().atZone(zone).getHour();
            hours[hour][0]++;
            hours[hour][1] += m.textedAt() == null ? 0 : 1;
        });
        List<Hour> out = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            out.add(new Hour(h, hours[h][0], hours[h][1]));
        }
        return out;
    }

    /** Nearest-rank percentile of an ascending list; null when it is empty. */
    static @Nullable Duration percentile(List<Duration> ascending, int p) {
        if (ascending.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * ascending.size());
        return ascending.get(Math.max(0, rank - 1));
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }
}
