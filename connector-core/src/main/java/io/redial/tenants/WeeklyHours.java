package io.redial.tenants;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /**
     * Where the business stands at this instant, as a phrase that completes "We're …" in a text:
     * "open until 6 PM today", "closed until 8 AM today", "closed for the day and open again tomorrow at 8 AM",
     * "closed today and open again Monday at 8 AM", "closed today for the holiday and open again tomorrow at 8 AM".
     */
    public String todayText(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalTime now = local.toLocalTime();
        if (holidays.contains(today)) {
            return "closed today for the holiday" + reopening(today);
        }
        List<Interval> spans = spansOn(today);
        if (spans.isEmpty()) {
            return "closed today" + reopening(today);
        }
        for (Interval span : spans) {
            if (span.contains(today.getDayOfWeek(), now)) {
                return "open until " + clock(span.closes()) + " today";
            }
            if (now.isBefore(span.opens())) {
                return "closed until " + clock(span.opens()) + " today";
            }
        }
        return "closed for the day" + reopening(today);
    }

    /** " and open again tomorrow at 8 AM" (or a weekday within the week), or nothing when no day opens. */
    private String reopening(LocalDate after) {
        for (int ahead = 1; ahead <= 7; ahead++) {
            LocalDate day = after.plusDays(ahead);
            List<Interval> spans = holidays.contains(day) ? List.of() : spansOn(day);
            if (!spans.isEmpty()) {
                String when = ahead == 1 ? "tomorrow" : day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
                return " and open again " + when + " at " + clock(spans.getFirst().opens());
            }
        }
        return "";
    }

    private List<Interval> spansOn(LocalDate day) {
        return intervals.stream().filter(i -> i.day() == day.getDayOfWeek())
                .sorted(Comparator.comparing(Interval::opens)).toList();
    }

    /** "8 AM", "12:30 PM": what people write in a text. */
    static String clock(LocalTime time) {
        return DateTimeFormatter.ofPattern(time.getMinute() == 0 ? "h a" : "h:mm a", Locale.US).format(time);
    }

    public boolean isOpenAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (holidays.contains(local.toLocalDate())) {
            return false;
        }
        return intervals.stream().anyMatch(i -> i.contains(local.getDayOfWeek(), local.toLocalTime()));
    }
}
