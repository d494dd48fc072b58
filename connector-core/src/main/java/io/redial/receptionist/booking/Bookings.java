package io.redial.receptionist.booking;

import io.redial.receptionist.ReceptionistProfile;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Free slots and race-safe booking. A booking claims a window unit and a day unit; the unique keys on
 * both mean that when two callers race for the last slot, the second insert fails and that caller is told
 * the slot went.
 */
@Repository
public class Bookings {

    private static final Duration NOTICE = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final BookingWindows windows;
    private final ObjectProvider<ExternalAvailability> external;
    private final Clock clock;

    Bookings(JdbcClient jdbc, BookingWindows windows, ObjectProvider<ExternalAvailability> external, Clock clock) {
        this.jdbc = jdbc;
        this.windows = windows;
        this.external = external;
        this.clock = clock;
    }

    /** What to offer: slots, and whether they are when the caller asked (false: none free then, these are nearest). */
    public record Offer(List<Slot> slots, boolean asked) {
    }

    /**
     * Up to {@code limit} open slots on the days and hours the caller asked for; when none is free then, the
     * nearest ones to what was asked.
     */
    public Offer offer(ReceptionistProfile profile, int limit, @org.jspecify.annotations.Nullable TimePreference wanted) {
        List<Slot> all = open(profile, Integer.MAX_VALUE);
        if (wanted == null || wanted.anyTime()) {
            return new Offer(all.stream().limit(limit).toList(), true);
        }
        List<Slot> fitting = wanted.fitting(all);
        if (!fitting.isEmpty()) {
            return new Offer(fitting.stream().limit(limit).toList(), true);
        }
        LocalDate asked = wanted.days().stream().min(LocalDate::compareTo).orElse(null);
        List<Slot> nearest = asked == null ? all : all.stream().sorted(java.util.Comparator.comparingLong(
                (Slot sl) -> Math.abs(sl.localStart().toLocalDate().toEpochDay() - asked.toEpochDay())).thenComparing(Slot::start)).toList();
        return new Offer(nearest.stream().limit(limit).toList(), false);
    }

    /** Up to {@code limit} slots that still have room, earliest first. */
    public List<Slot> open(ReceptionistProfile profile, int limit) {
        Instant from = clock.instant().plus(NOTICE);
        Instant to = from.plus(Duration.ofDays(profile.settings().bookingDaysAhead()));
        var fromCrm = external.stream().map(a -> a.slots(profile.tenant(), from, to))
                .flatMap(java.util.Optional::stream).findFirst();
        List<Slot> candidates = fromCrm.orElseGet(() -> windows.slots(profile, from, to));
        Taken taken = taken(profile.tenant());
        return candidates.stream()
                .filter(s -> !s.start().isBefore(from))
                .filter(s -> taken.perSlot().getOrDefault(s.start(), 0L) < s.capacity())
                .filter(s -> taken.perDay().getOrDefault(s.localStart().toLocalDate(), 0L) < profile.settings().dailyCapacity())
                .limit(limit).toList();
    }

    /** @return true when this lead now holds a unit of the slot; false when the slot (or its day) is full */
    public boolean book(ReceptionistProfile profile, long leadId, Slot slot) {
        TenantId tenant = profile.tenant();
        LocalDate day = slot.localStart().toLocalDate();
        for (int attempt = 0; attempt < 4; attempt++) {
            Set<Integer> slotUnits = units("slot_unit", "slot_start", utc(slot.start()), tenant);
            Set<Integer> dayUnits = units("day_unit", "local_day", day, tenant);
            int slotUnit = firstFree(slotUnits, slot.capacity());
            int dayUnit = firstFree(dayUnits, profile.settings().dailyCapacity());
            if (slotUnit == 0 || dayUnit == 0) {
                return false;
            }
            try {
                jdbc.sql("""
                        INSERT INTO bookings (tenant_id, lead_id, slot_start, slot_end, local_day, slot_unit, day_unit, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(tenant.value(), leadId, utc(slot.start()), utc(slot.end()), day, slotUnit, dayUnit,
                                utc(clock.instant()))
                        .update();
                return true;
            } catch (DuplicateKeyException raced) {
                if (holds(tenant, leadId)) {
                    return false; // this lead already has a booking
                }
                // someone took that unit between our read and our insert: read again
            }
        }
        return false;
    }

    /** The window this lead holds, if it holds one. */
    public java.util.Optional<Slot> bookedSlot(ReceptionistProfile profile, long leadId) {
        return jdbc.sql("SELECT slot_start, slot_end FROM bookings WHERE tenant_id = ? AND lead_id = ?")
                .params(profile.tenant().value(), leadId)
                .query((rs, i) -> new Slot(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC), profile.zone(), 1))
                .optional();
    }

    public boolean holds(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT COUNT(*) FROM bookings WHERE tenant_id = ? AND lead_id = ?")
                .params(tenant.value(), leadId).query(Long.class).single() > 0;
    }

    private record Taken(Map<Instant, Long> perSlot, Map<LocalDate, Long> perDay) {
    }

    /** Bookings from yesterday on, counted per slot and per day in one read. */
    private Taken taken(TenantId tenant) {
        Map<Instant, Long> perSlot = new HashMap<>();
        Map<LocalDate, Long> perDay = new HashMap<>();
        jdbc.sql("""
                SELECT slot_start, local_day, COUNT(*) FROM bookings WHERE tenant_id = ? AND slot_start >= ?
                GROUP BY slot_start, local_day""")
                .params(tenant.value(), utc(clock.instant().minus(Duration.ofDays(1))))
                .query(rs -> {
                    long n = rs.getLong(3);
                    perSlot.merge(rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), n, Long::sum);
                    perDay.merge(rs.getObject(2, LocalDate.class), n, Long::sum);
                });
        return new Taken(perSlot, perDay);
    }

    private Set<Integer> units(String unit, String column, Object value, TenantId tenant) {
        return jdbc.sql("SELECT " + unit + " FROM bookings WHERE tenant_id = ? AND " + column + " = ?")
                .params(tenant.value(), value).query(Integer.class).set();
    }

    private static int firstFree(Set<Integer> used, int capacity) {
        for (int u = 1; u <= capacity; u++) {
            if (!used.contains(u)) {
                return u;
            }
        }
        return 0;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
