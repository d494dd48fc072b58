package io.redial.receptionist.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * When the caller wants us: some days (none: any day), and hours of the day [{@code fromHour}, {@code toHour}).
 * Kept between turns in a compact text form.
 */
public record TimePreference(Set<LocalDate> days, int fromHour, int toHour) {

    public TimePreference {
        days = Set.copyOf(days);
    }

    /** A window fits when it falls on an asked day and at least half of it lies in the asked hours. */
    boolean fits(Slot slot) {
        return (days.isEmpty() || days.contains(slot.localStart().toLocalDate())) && overlap(slot) > 0
                && (narrowHours() || overlap(slot) * 2 >= length(slot));
    }

    /**
     * The slots that fit: those wholly inside the asked hours first ("afternoons" offers 2-5 on several days before
     * 11-2 today), then by day, then those most inside the asked hours.
     */
    List<Slot> fitting(List<Slot> open) {
        return open.stream().filter(this::fits)
                .sorted(Comparator.comparing((Slot s) -> overlap(s) < length(s))
                        .thenComparing(s -> s.localStart().toLocalDate()).thenComparing(s -> -overlap(s))
                        .thenComparing(Slot::start))
                .toList();
    }

    boolean anyTime() {
        return days.isEmpty() && fromHour == 0 && toHour == 24;
    }

    public String encode() {
        return days.stream().sorted().map(LocalDate::toString).collect(Collectors.joining(",")) + ";" + fromHour + ";" + toHour;
    }

    public static @Nullable TimePreference decode(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] p = s.split(";", -1);
        Set<LocalDate> days = p[0].isEmpty() ? Set.of()
                : Arrays.stream(p[0].split(",")).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
        return new TimePreference(days, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }

    // "after 3" asks for less than a window: any overlap will do.
    private boolean narrowHours() {
        return toHour - fromHour < 6;
    }

    private long overlap(Slot slot) {
        var day = slot.localStart().toLocalDate().atStartOfDay();
        var from = day.plusHours(fromHour);
        var to = day.plusHours(toHour);
        var s = slot.localStart();
        var e = slot.localStart().plus(Duration.between(slot.start(), slot.end()));
        var start = s.isAfter(from) ? s : from;
        var end = e.isBefore(to) ? e : to;
        return Math.max(0, Duration.between(start, end).toMinutes());
    }

    private static long length(Slot slot) {
        return Duration.between(slot.start(), slot.end()).toMinutes();
    }
}
