package io.redial.crm.servicetitan.internal.mapping;

import io.redial.crm.CrmLead;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.shared.PhoneNumber;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The words a CSR reads. Bookings have no notes, so the booking's summary carries the lead and the first
 * part of the conversation with a link to the rest; notes on customers and jobs carry the whole of it.
 */
public final class BookingText {

    /** Where the conversation starts in a booking's summary; what follows survives later lead updates. */
    static final String CONVERSATION = "\n\n--- Conversation";
    /** Keeps the summary short enough for the CSR's screen; the link leads to the full transcript. */
    static final int CONVERSATION_IN_SUMMARY = 1500;
    /** A note holds the whole transcript up to this many characters (ServiceTitan states no limit). */
    static final int NOTE_LIMIT = 20_000;

    private BookingText() {
    }

    /** The booking's name: the caller's, else their number, so the queue never shows a blank row. */
    public static String name(CrmLead lead) {
        String name = lead.details().callerName();
        return name == null || name.isBlank() ? "Caller " + national(lead.phone()) : name.trim();
    }

    public static String summary(CrmLead lead, boolean addressParsed) {
        LeadDetails d = lead.details();
        StringBuilder out = new StringBuilder();
        if (d.urgency() == io.redial.leads.Urgency.EMERGENCY) {
            out.append("EMERGENCY. ");
        }
        out.append("Missed call, texted back by Redial.");
        line(out, "Problem", d.problem());
        line(out, "Trade", d.trade());
        line(out, "Urgency", d.urgency() == null ? null : d.urgency().name().toLowerCase(Locale.ROOT));
        if (!addressParsed) {
            line(out, "Address (as given)", d.serviceAddress());
        }
        line(out, "Call back", national(lead.phone()));
        line(out, "Lead in Redial", lead.link().toString());
        return out.toString();
    }

    /** The new summary, keeping any conversation an earlier update put at its end. */
    public static String keepingConversation(String summary, @Nullable String current) {
        int at = current == null ? -1 : current.indexOf(CONVERSATION);
        return at < 0 ? summary : summary + current.substring(at);
    }

    /** The summary with the conversation's first part and a link to all of it. */
    public static String withConversation(String summary, Transcript transcript) {
        int at = summary.indexOf(CONVERSATION);
        String base = at < 0 ? summary : summary.substring(0, at);
        String text = transcript.asText();
        boolean cut = text.length() > CONVERSATION_IN_SUMMARY;
        return base + CONVERSATION + (cut ? " (first part)" : "") + " ---\n"
                + (cut ? text.substring(0, CONVERSATION_IN_SUMMARY) + "…\n" : text)
                + "Full transcript: " + transcript.link();
    }

    public static String transcriptNote(Transcript transcript) {
        return transcriptNote(transcript, java.time.ZoneOffset.UTC);
    }

    /** Each text at its time in the tenant's zone, as the office reads it ("Tue Dec 8, 1:05 PM CST"). */
    public static String transcriptNote(Transcript transcript, java.time.ZoneId zone) {
        String text = transcript.asText(zone);
        String body = text.length() > NOTE_LIMIT ? text.substring(0, NOTE_LIMIT) + "…\n" : text;
        return noteHeader(transcript) + "\n" + body + "Full transcript: " + transcript.link();
    }

    /** Starts every note about one lead's conversation, so a retry or the other path finds it instead of writing it twice. */
    public static String leadMarker(long leadId) {
        return "Redial conversation, lead #" + leadId + ":";
    }

    /** Marks a transcript note written without its lead, so a retry finds it. */
    public static String noteHeader(Transcript transcript) {
        return "Redial conversation #" + transcript.conversationId() + " (SMS with the caller):";
    }

    public static String emergencyNote(CrmLead lead) {
        LeadDetails d = lead.details();
        return "EMERGENCY (set by Redial): the caller reported "
                + (d.problem() == null ? "an emergency" : "\"" + d.problem().trim() + "\"")
                + (d.trade() == null ? "" : " (" + d.trade() + ")")
                + ", which the tenant's emergency rules treat as an emergency, so this job has the highest priority."
                + " Call back: " + national(lead.phone()) + ". Lead in Redial: " + lead.link();
    }

    /** US numbers as ServiceTitan's own screens store them (ten digits); others in E.164. */
    public static String national(PhoneNumber phone) {
        String e164 = phone.e164();
        return e164.startsWith("+1") && e164.length() == 12 ? e164.substring(2) : e164;
    }

    private static void line(StringBuilder out, String label, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            out.append('\n').append(label).append(": ").append(value.trim());
        }
    }
}
