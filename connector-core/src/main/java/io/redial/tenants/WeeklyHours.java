package io.redial.tenants;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/** A tenant's opening hours in its own zone: weekly intervals plus closed holidays. */
public record WeeklyHours(ZoneId zone, List<Interval> intervals, Set<LocalDate> holidays) {

    public record Interval(DayOfWeek day, LocalTime opens, LocalTime closes) {
        public Interval {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("closing time must follow opening time on " + day);
            }
        }

        boolean contains(DayOfWeek d, LocalTime t) {
            return day == d && !t.isBefore(opens) && t.isBefore(closes);
        }
    }

    /** "open 7:00 AM–6:00 PM today", or "closed today", in the tenant's zone. */
    public String todayText(Instant instant) {
        LocalDate today = instant.atZone(zone).toLocalDate();
        if (holidays.contains(today)) {
            return "closed today";
        }
        var fmt = java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.US);
        String spans = intervals.stream().filter(i -> i.day() == today.getDayOfWeek())
                .map(i -> fmt.format(i.opens()) + "-" + fmt.format(i.closes()))
                .collect(java.util.stream.Collectors.joining(", "));
        return spans.isEmpty() ? "closed today" : "open " + spans + " today";
    }

    public boolean isOpenAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return intervals.stream().anyMatch(i -> i.contains(local.getDayOfWeek(), local.toLocalTime()));
    }
}
