package io.redial.receptionist.booking;

import io.redial.receptionist.ReceptionistProfile;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's own arrival windows (or, without any, its business hours), laid out as dated slots. */
@Repository
public class BookingWindows {

    public record Window(DayOfWeek day, LocalTime starts, LocalTime ends, int capacity) {
    }

    private final JdbcClient jdbc;

    BookingWindows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the tenant's windows only when they differ, so loading the same file twice writes nothing. */
    public void replaceIfChanged(io.redial.shared.TenantId tenant, List<Window> desired) {
        List<Window> current = jdbc.sql("""
                SELECT day_of_week, starts_at, ends_at, capacity FROM booking_windows WHERE tenant_id = ?
                ORDER BY day_of_week, starts_at""").param(tenant.value())
                .query((rs, n) -> new Window(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime(), rs.getInt(4))).list();
        List<Window> sorted = desired.stream().sorted(java.util.Comparator.comparing(Window::day)
                .thenComparing(Window::starts)).toList();
        if (!current.equals(sorted)) {
            replace(tenant, sorted);
        }
    }

    /** Replaces the tenant's windows. */
    public void replace(io.redial.shared.TenantId tenant, List<Window> windows) {
        jdbc.sql("DELETE FROM booking_windows WHERE tenant_id = ?").param(tenant.value()).update();
        for (Window w : windows) {
            jdbc.sql("INSERT INTO booking_windows (tenant_id, day_of_week, starts_at, ends_at, capacity) VALUES (?, ?, ?, ?, ?)")
                    .params(tenant.value(), w.day().getValue(), java.sql.Time.valueOf(w.starts()),
                            java.sql.Time.valueOf(w.ends()), w.capacity()).update();
        }
    }

    List<Slot> slots(ReceptionistProfile profile, Instant from, Instant to) {
        List<Window> windows = windows(profile);
        Set<LocalDate> holidays = jdbc.sql("SELECT day FROM holidays WHERE tenant_id = ?").param(profile.tenant().value())
                .query((rs, n) -> rs.getDate(1).toLocalDate()).set();
        List<Slot> slots = new ArrayList<>();
        LocalDate last = to.atZone(profile.zone()).toLocalDate();
        for (LocalDate d = from.atZone(profile.zone()).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (holidays.contains(d)) {
                continue;
            }
            for (Window w : windows) {
                if (w.day() == d.getDayOfWeek()) {
                    arrivals(d, w, profile.settings().arrivalWindowHours()).forEach(span -> slots.add(new Slot(
                            span[0].atZone(profile.zone()).toInstant(), span[1].atZone(profile.zone()).toInstant(),
                            profile.zone(), w.capacity())));
                }
            }
        }
        return slots;
    }

    /**
     * A long window (a whole working day) laid out as arrival windows of the tenant's length, so a caller is never
     * told "8:00 AM-5:00 PM"; a rest shorter than two hours is left out. A window of four hours or less stays as drawn.
     */
    static List<LocalDateTime[]> arrivals(LocalDate day, Window w, int hours) {
        LocalDateTime start = day.atTime(w.starts());
        LocalDateTime end = day.atTime(w.ends());
        List<LocalDateTime[]> spans = new ArrayList<>();
        if (!end.isAfter(start.plusHours(4))) {
            spans.add(new LocalDateTime[] {start, end});
            return spans;
        }
        for (LocalDateTime s = start; !s.plusHours(2).isAfter(end); s = s.plusHours(hours)) {
            LocalDateTime e = s.plusHours(hours);
            spans.add(new LocalDateTime[] {s, e.isAfter(end) ? end : e});
        }
        return spans;
    }

    private List<Window> windows(ReceptionistProfile profile) {
        List<Window> own = jdbc.sql("""
                SELECT day_of_week, starts_at, ends_at, capacity FROM booking_windows WHERE tenant_id = ?
                ORDER BY day_of_week, starts_at""").param(profile.tenant().value())
                .query((rs, n) -> new Window(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime(), rs.getInt(4))).list();
        if (!own.isEmpty()) {
            return own;
        }
        return jdbc.sql("""
                SELECT day_of_week, opens_at, closes_at FROM business_hours WHERE tenant_id = ?
                ORDER BY day_of_week, opens_at""").param(profile.tenant().value())
                .query((rs, n) -> new Window(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime(), 1)).list();
    }
}
