package io.redial.tenants;

import io.redial.shared.TenantId;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading and saving a tenant's time zone, weekly hours and holidays (what decides "after hours"), and the
 * follow-up timing with its quiet hours.
 */
@Service
public class BusinessHours {

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final FollowUpPolicies followUps;
    private final Clock clock;

    BusinessHours(JdbcClient jdbc, Tenants tenants, FollowUpPolicies followUps, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.followUps = followUps;
        this.clock = clock;
    }

    /** When a caller who never replied gets one more text, and the quiet hours it waits out. */
    public FollowUpPolicy followUps(TenantId tenant) {
        return followUps.of(tenant);
    }

    public void saveFollowUps(TenantId tenant, FollowUpPolicy policy) {
        followUps.save(tenant, policy);
    }

    public WeeklyHours of(TenantId tenant) {
        return tenants.hours(tenants.find(tenant).orElseThrow(() -> new IllegalArgumentException("no tenant " + tenant)));
    }

    /** Where the tenant stands right now, in the words a caller's text would use for {hours_today}. */
    public String now(TenantId tenant) {
        return "Right now: we're " + of(tenant).todayText(clock.instant()) + ".";
    }

    /**
     * Replaces the zone, weekly hours and holidays in one transaction.
     *
     * @throws IllegalArgumentException when two intervals of one day overlap
     */
    @Transactional
    public void save(TenantId tenant, ZoneId zone, List<WeeklyHours.Interval> intervals, Set<LocalDate> holidays) {
        rejectOverlaps(intervals);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int found = jdbc.sql("UPDATE tenants SET timezone = ?, updated_at = ? WHERE id = ?")
                .params(zone.getId(), now, tenant.value()).update();
        if (found != 1) {
            throw new IllegalArgumentException("no tenant " + tenant);
        }
        jdbc.sql("DELETE FROM business_hours WHERE tenant_id = ?").param(tenant.value()).update();
        intervals.forEach(i -> jdbc.sql("""
                INSERT INTO business_hours (tenant_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)""")
                .params(tenant.value(), i.day().getValue(), Time.valueOf(i.opens()), Time.valueOf(i.closes())).update());
        jdbc.sql("DELETE FROM holidays WHERE tenant_id = ?").param(tenant.value()).update();
        holidays.forEach(day -> jdbc.sql("INSERT INTO holidays (tenant_id, day) VALUES (?, ?)")
                .params(tenant.value(), java.sql.Date.valueOf(day)).update());
        tenants.configurationChanged();
    }

    private static void rejectOverlaps(List<WeeklyHours.Interval> intervals) {
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WeeklyHours.Interval> sorted = intervals.stream().filter(i -> i.day() == day)
                    .sorted(Comparator.comparing(WeeklyHours.Interval::opens)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
                    throw new IllegalArgumentException("the hours on " + day.name().toLowerCase() + " overlap");
                }
            }
        }
    }
}
