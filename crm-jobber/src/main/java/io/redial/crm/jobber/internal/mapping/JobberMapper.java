package io.redial.crm.jobber.internal.mapping;

import io.redial.crm.CrmLead;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.RecordText;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Core's vocabulary as Jobber's 2025-04-16 input objects (OPERATIONS.md): a caller becomes a client with a
 * phone and, when Anna has it, a property; a lead becomes a request whose title the office can triage from
 * the list (emergency first, trade, the caller's words) and whose details form carries the rest and a link
 * back to Redial; a booking becomes an assessment (or a visit) scheduled for the agreed window.
 */
public final class JobberMapper {

    /** The first name of a client created before the caller told us theirs; the last name is their number. */
    static final String UNNAMED = "Caller";
    public static final String EMERGENCY_MARK = "EMERGENCY: ";
    private static final int TITLE_WORDS = 80;

    private JobberMapper() {
    }

    public static Map<String, Object> newClient(CrmLead lead) {
        Map<String, Object> input = new LinkedHashMap<>(names(lead.details().callerName(), lead.phone()));
        input.put("phones", List.of(Map.of("number", lead.phone().e164(), "description", "MAIN", "primary", true)));
        String address = lead.details().serviceAddress();
        if (address != null && !address.isBlank()) {
            input.put("properties", List.of(property(address)));
        }
        input.put("sourceAttribution", Map.of("sourceText", lead.source()));
        return input;
    }

    /** The caller's name split for Jobber, or the placeholder that {@link #isPlaceholder} recognises. */
    public static Map<String, String> names(@Nullable String callerName, PhoneNumber phone) {
        if (callerName == null || callerName.isBlank()) {
            return Map.of("firstName", UNNAMED, "lastName", national(phone));
        }
        String[] parts = callerName.trim().split("\\s+", 2);
        return parts.length == 1 ? Map.of("firstName", parts[0], "lastName", "") : Map.of("firstName", parts[0], "lastName", parts[1]);
    }

    /** True when the client still carries the name we gave it before we knew the caller's (never an office's edit). */
    public static boolean isPlaceholder(@Nullable String firstName, @Nullable String lastName, PhoneNumber phone) {
        return UNNAMED.equals(firstName) && national(phone).equals(lastName);
    }

    public static Map<String, Object> property(String address) {
        return Map.of("address", AddressParts.of(address));
    }

    public static Map<String, Object> newRequest(String clientId, @Nullable String propertyId, CrmLead lead) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("clientId", clientId);
        if (propertyId != null) {
            input.put("propertyId", propertyId);
        }
        input.put("title", requestTitle(lead));
        input.put("requestDetails", Map.of("form", Map.of("sections", List.of(
                Map.of("label", "From " + lead.source(), "items", details(lead))))));
        return input;
    }

    /** What the office reads in the request list: emergency first, then trade and the caller's own words. */
    public static String requestTitle(CrmLead lead) {
        LeadDetails d = lead.details();
        String urgency = d.urgency() == Urgency.EMERGENCY ? EMERGENCY_MARK : d.urgency() == Urgency.URGENT ? "Urgent: " : "";
        String trade = d.trade() == null || d.trade().isBlank() ? "Missed call" : capitalised(d.trade());
        String what = d.problem() == null || d.problem().isBlank() ? "from " + national(lead.phone()) : d.problem().trim();
        return shortened(urgency + trade + " – " + what);
    }

    /** Each text at its time in the tenant's zone, as the office reads it (core's {@link RecordText}). */
    public static Map<String, Object> transcriptNote(Transcript transcript, ZoneId zone) {
        return Map.of("message", "Text conversation with Redial's receptionist\n\n" + transcript.asText(zone)
                + "\nFull conversation in Redial: " + transcript.link());
    }

    /** Pinned, so the office sees it on top of the request. */
    public static Map<String, Object> emergencyNote(FollowUpTask task) {
        return Map.of("message", task.subject() + "\n\n" + task.body(), "pinned", true);
    }

    public static Map<String, Object> assessment(JobRequest job, ZoneId zone) {
        return Map.of("instructions", instructions(job, zone), "schedule", schedule(job, zone));
    }

    /**
     * A job whose visit is added next by {@code visitCreate}: jobCreate's own scheduling takes times of day,
     * not the window's date. Visit-based invoicing, on completion: the office prices the work after the visit.
     */
    public static Map<String, Object> job(String requestId, String propertyId, JobRequest job, ZoneId zone) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("propertyId", propertyId);
        input.put("requestId", requestId);
        input.put("title", jobTitle(job));
        input.put("instructions", instructions(job, zone));
        input.put("invoicing", Map.of("invoicingType", "VISIT_BASED", "invoicingSchedule", "ON_COMPLETION"));
        input.put("scheduling", Map.of("createVisits", false, "notifyTeam", false));
        return input;
    }

    public static String jobTitle(JobRequest job) {
        return shortened(job.summary());
    }

    public static Map<String, Object> visit(JobRequest job, ZoneId zone) {
        return Map.of("visits", List.of(Map.of("title", jobTitle(job), "instructions", instructions(job, zone),
                "schedule", schedule(job, zone))));
    }

    private static Map<String, Object> schedule(JobRequest job, ZoneId zone) {
        return Map.of("startAt", localDateTime(job.start(), zone), "endAt", localDateTime(job.end(), zone),
                "notifyTeam", true);
    }

    private static Map<String, Object> localDateTime(Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return Map.of("date", local.toLocalDate().toString(), "time", local.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                "timezone", zone.getId());
    }

    /** The window first, as the office writes it ("Tue Dec 8, 1–3 PM CST"), then what was booked. */
    private static String instructions(JobRequest job, ZoneId zone) {
        return "Window: " + RecordText.window(job.start(), job.end(), zone) + "\n" + job.summary() + (job.serviceAddress() == null ? "" : "\nService address: " + job.serviceAddress())
                + "\nBooked by Redial's receptionist. Lead in Redial: " + job.link();
    }

    private static List<Map<String, String>> details(CrmLead lead) {
        LeadDetails d = lead.details();
        List<Map<String, String>> items = new ArrayList<>();
        items.add(item("Caller", (d.callerName() == null ? "" : d.callerName() + ", ") + lead.phone().e164()));
        items.add(item("Trade", orUnknown(d.trade())));
        items.add(item("Urgency", d.urgency() == null ? "not known yet" : d.urgency().name().toLowerCase(Locale.ROOT)));
        items.add(item("In the caller's words", orUnknown(d.problem())));
        items.add(item("Service address", orUnknown(d.serviceAddress())));
        items.add(item("Lead in Redial", lead.link().toString()));
        return items;
    }

    private static Map<String, String> item(String label, String answer) {
        return Map.of("label", label, "answerText", answer);
    }

    private static String orUnknown(@Nullable String value) {
        return value == null || value.isBlank() ? "not known yet" : value;
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= TITLE_WORDS ? oneLine : oneLine.substring(0, TITLE_WORDS - 1) + "…";
    }

    /** "(512) 555-0142" for North American numbers, else E.164. */
    static String national(PhoneNumber phone) {
        String e164 = phone.e164();
        if (e164.startsWith("+1") && e164.length() == 12) {
            return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
        }
        return e164;
    }
}
