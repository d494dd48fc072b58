package io.redial.crm;

import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How every CRM's records read to an office manager at a glance: times in the tenant's zone as people write them
 * ("Tue Dec 8, 1–3 PM CST"), the job card (name, address, trade, problem, urgency, window) first, an emergency
 * named in the title. One wording for HubSpot, Jobber and ServiceTitan alike.
 */
public final class RecordText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);

    private RecordText() {
    }

    /** "Tue Dec 8, 1:05 PM CST". */
    public static String at(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return DAY.format(local) + ", " + clock(local, true) + " " + zoneName(local);
    }

    /**
     * A window: "Tue Dec 8, 1–3 PM CST", "Tue Dec 8, 11 AM–1 PM CST", or, across midnight,
     * "Tue Dec 8, 11 PM – Wed Dec 9, 1 AM CST".
     */
    public static String window(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime from = start.atZone(zone);
        ZonedDateTime to = end.atZone(zone);
        if (!from.toLocalDate().equals(to.toLocalDate())) {
            return DAY.format(from) + ", " + clock(from, true) + " – " + DAY.format(to) + ", " + clock(to, true) + " " + zoneName(to);
        }
        boolean sameHalf = from.getHour() < 12 == to.getHour() < 12;
        return DAY.format(from) + ", " + clock(from, !sameHalf) + "–" + clock(to, true) + " " + zoneName(to);
    }

    /** The job card: who, where, what, how urgent and (when booked) when; lines with nothing known are left out. */
    public static String jobCard(LeadDetails details, @Nullable Instant start, @Nullable Instant end, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        add(lines, "Name", details.callerName());
        add(lines, "Address", details.serviceAddress());
        add(lines, "Trade", details.trade() == null ? null : capitalised(details.trade()));
        add(lines, "Problem", details.problem());
        add(lines, "Urgency", details.urgency() == null ? null : switch (details.urgency()) {
            case EMERGENCY -> "EMERGENCY";
            case URGENT -> "Urgent";
            case ROUTINE -> "Routine";
        });
        if (start != null && end != null) {
            lines.add("Window: " + window(start, end, zone));
        }
        return String.join("\n", lines);
    }

    /** {@code title}, led by "EMERGENCY: " when the caller reported one. */
    public static String title(String title, LeadDetails details) {
        return details.urgency() == Urgency.EMERGENCY && !title.startsWith("EMERGENCY") ? "EMERGENCY: " + title : title;
    }

    private static void add(List<String> lines, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value.trim());
        }
    }

    private static String capitalised(String word) {
        return word.equalsIgnoreCase("hvac") ? "HVAC" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** "1", "1:30", "1 PM", "1:30 PM". */
    private static String clock(ZonedDateTime time, boolean withHalf) {
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String text = time.getMinute() == 0 ? String.valueOf(hour) : hour + ":" + "%02d".formatted(time.getMinute());
        return withHalf ? text + (time.getHour() < 12 ? " AM" : " PM") : text;
    }

    /** "CST" or "CDT" as the date has it; a zone without a short name keeps its id. */
    private static String zoneName(ZonedDateTime time) {
        if (time.getZone() instanceof java.time.ZoneOffset offset) { // "Z" or "+02:00" read as UTC offsets
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId();
        }
        return time.getZone().getDisplayName(TextStyle.SHORT, Locale.US).equals(time.getZone().getId())
                ? time.getZone().getId()
                : DateTimeFormatter.ofPattern("zzz", Locale.US).format(time);
    }
}
