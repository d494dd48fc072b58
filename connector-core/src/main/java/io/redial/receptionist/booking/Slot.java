package io.redial.receptionist.booking;

import io.redial.receptionist.reading.Language;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An arrival window on one day that can take {@code capacity} jobs. Its id is the local start
 * ("2026-11-27T08:00"); offered slots are remembered by id, and only those can be booked.
 */
public record Slot(Instant start, Instant end, ZoneId zone, int capacity) {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public String id() {
        return ID.format(start.atZone(zone));
    }

    /** Compact form kept in the conversation state, so "2" still means the second slot offered. */
    public String encode() {
        return start.getEpochSecond() + "~" + end.getEpochSecond() + "~" + capacity;
    }

    public static Slot decode(String encoded, ZoneId zone) {
        String[] p = encoded.split("~");
        return new Slot(Instant.ofEpochSecond(Long.parseLong(p[0])), Instant.ofEpochSecond(Long.parseLong(p[1])), zone,
                Integer.parseInt(p[2]));
    }

    public LocalDateTime localStart() {
        return LocalDateTime.ofInstant(start, zone);
    }

    /** "Fri Nov 27, 8:00 AM-12:00 PM" or "vie 27 nov, 8:00-12:00". */
    public String label(Language language) {
        var s = start.atZone(zone);
        var e = end.atZone(zone);
        if (language == Language.ES) {
            Locale es = Locale.forLanguageTag("es");
            return DateTimeFormatter.ofPattern("EEE d MMM, H:mm", es).format(s) + "-" + DateTimeFormatter.ofPattern("H:mm").format(e);
        }
        return DateTimeFormatter.ofPattern("EEE MMM d, h:mm a", Locale.US).format(s) + "-"
                + DateTimeFormatter.ofPattern("h:mm a", Locale.US).format(e);
    }
}
