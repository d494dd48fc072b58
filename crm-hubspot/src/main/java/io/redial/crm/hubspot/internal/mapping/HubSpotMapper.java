package io.redial.crm.hubspot.internal.mapping;

import io.redial.crm.CallLog;
import io.redial.crm.CrmLead;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.crm.hubspot.internal.api.SearchRequest;
import io.redial.crm.hubspot.internal.api.SearchRequest.Filter;
import io.redial.crm.hubspot.internal.api.SearchRequest.FilterGroup;
import io.redial.leads.LeadDetails;
import io.redial.shared.PhoneNumber;
import java.net.URI;
import io.redial.crm.RecordText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Core's CRM vocabulary as HubSpot properties, and back. Knows nothing of HTTP. */
public final class HubSpotMapper {

    /** HUBSPOT_DEFINED association type ids (CRM-APIS.md 1.2). */
    public static final int CALL_TO_CONTACT = 194;
    public static final int NOTE_TO_CONTACT = 202;
    public static final int TASK_TO_CONTACT = 204;
    public static final int DEAL_TO_CONTACT = 3;
    /** meeting_event_to_contact (CRM-APIS-2.md, meetings). */
    public static final int MEETING_TO_CONTACT = 200;

    static final int NOTE_BODY_LIMIT = 65_536;
    private static final List<String> CONTACT_PROPERTIES = List.of("firstname", "lastname", "phone", "mobilephone", "createdate");

    /** How a contact we created is named until the caller's name is known; never a name to greet anyone by. */
    private static final String UNNAMED = "Missed call ";

    private HubSpotMapper() {
    }

    /** Longest record link kept (crm_links.external_url holds 512). */
    private static final int MAX_URL = 512;

    /**
     * The {@code url} HubSpot's answer gave a record, if it is a page on HubSpot's app: https on hubspot.com or
     * a subdomain (such as a data-centre host, {@code app-eu1.hubspot.com}), no user, port or fragment. Else null,
     * and the console builds the link as before.
     */
    public static @Nullable URI recordUrl(@Nullable String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            boolean hubspot = host.equals("hubspot.com") || host.endsWith(".hubspot.com");
            return "https".equalsIgnoreCase(uri.getScheme()) && hubspot && uri.getRawUserInfo() == null
                    && uri.getPort() == -1 && uri.getRawFragment() == null ? uri : null;
        } catch (java.net.URISyntaxException notAUrl) {
            return null;
        }
    }

    /** A first name a person gave, not the stand-in {@link #newContact} writes. */
    public static @Nullable String givenName(@Nullable String firstname) {
        return firstname == null || firstname.isBlank() || firstname.startsWith(UNNAMED) ? null : firstname;
    }

    /** A new contact: the lead's number in E.164 and whatever else the lead knows. */
    public static Map<String, String> newContact(CrmLead lead) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("phone", lead.phone().e164());
        properties.put("lifecyclestage", "lead");
        properties.put("hs_lead_status", "NEW");
        // HubSpot's contacts guide asks for one of email, firstname or lastname; until Anna learns the caller's
        // name, the office sees who it is by number, and the real name replaces it (contactUpdate).
        properties.put("firstname", UNNAMED + PhoneFormats.nationalFormat(lead.phone()));
        properties.putAll(knownDetails(lead.details()));
        return properties;
    }

    /**
     * An existing contact gets only what the lead learned: never its number (HubSpot may hold it in another
     * format) nor a lifecycle stage (HubSpot refuses to move a customer back to "lead").
     */
    public static Map<String, String> contactUpdate(CrmLead lead) {
        return knownDetails(lead.details());
    }

    private static Map<String, String> knownDetails(LeadDetails details) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (details.callerName() != null && !details.callerName().isBlank()) {
            String[] names = details.callerName().trim().split("\\s+", 2);
            properties.put("firstname", names[0]);
            if (names.length > 1) {
                properties.put("lastname", names[1]);
            }
        }
        if (details.serviceAddress() != null && !details.serviceAddress().isBlank()) {
            properties.put("address", details.serviceAddress().trim());
        }
        return properties;
    }

    /**
     * Finds a number however it was typed into HubSpot: E.164 in phone or mobile phone, HubSpot's own
     * digits-only search copies of both, or the common national format. Five groups, HubSpot's limit.
     */
    public static SearchRequest contactsWithPhone(PhoneNumber phone) {
        String national = PhoneFormats.nationalDigits(phone);
        return new SearchRequest(List.of(
                group("phone", phone.e164()),
                group("mobilephone", phone.e164()),
                group("hs_searchable_calculated_phone_number", national),
                group("hs_searchable_calculated_mobile_number", national),
                group("phone", PhoneFormats.nationalFormat(phone))),
                CONTACT_PROPERTIES, List.of(), 100, "0");
    }

    /** Our custom unique contact property, the key of batch upserts (standard phone properties cannot be one). */
    public static final String PHONE_KEY = "redial_phone_e164";
    /** Numbers per batch search: the IN filter on {@code phone} carries two forms of each, at most 100 values. */
    public static final int PHONES_PER_SEARCH = SearchRequest.MAX_IN_VALUES / 2;

    /** The definition of {@link #PHONE_KEY}, made in a portal before its first upsert. */
    public static Map<String, Object> phoneKeyProperty() {
        return Map.of("name", PHONE_KEY, "label", "Phone (E.164, Redial)", "type", "string", "fieldType", "text",
                "groupName", "contactinformation", "hasUniqueValue", true,
                "description", "The caller's number as Redial matches it; one contact per number.");
    }

    /**
     * Contacts with any of {@code phones}, typed however: four filter groups, one IN filter each (E.164 or
     * national format in phone, E.164 in mobile phone, HubSpot's digits-only copies of both).
     */
    public static SearchRequest contactsWithPhones(List<PhoneNumber> phones, String after) {
        if (phones.size() > PHONES_PER_SEARCH) {
            throw new IllegalArgumentException("at most " + PHONES_PER_SEARCH + " numbers per search");
        }
        List<String> typed = new java.util.ArrayList<>();
        phones.forEach(p -> {
            typed.add(p.e164());
            typed.add(PhoneFormats.nationalFormat(p));
        });
        List<String> e164 = phones.stream().map(PhoneNumber::e164).toList();
        List<String> digits = phones.stream().map(PhoneFormats::nationalDigits).distinct().toList();
        return new SearchRequest(List.of(
                new FilterGroup(List.of(Filter.in("phone", typed))),
                new FilterGroup(List.of(Filter.in("mobilephone", e164))),
                new FilterGroup(List.of(Filter.in("hs_searchable_calculated_phone_number", digits))),
                new FilterGroup(List.of(Filter.in("hs_searchable_calculated_mobile_number", digits)))),
                CONTACT_PROPERTIES, List.of(), SearchRequest.MAX_LIMIT, after);
    }

    /**
     * Of a search's results, the contact for {@code phone}: the oldest whose phone or mobile phone is that number,
     * else the oldest whose digits-only copy matches (HubSpot's copies drop the country code).
     */
    public static java.util.Optional<io.redial.crm.hubspot.internal.api.HubSpotObject> bestMatch(PhoneNumber phone,
            List<io.redial.crm.hubspot.internal.api.HubSpotObject> found) {
        String digits = PhoneFormats.nationalDigits(phone);
        List<io.redial.crm.hubspot.internal.api.HubSpotObject> results = oldestFirst(found);
        return results.stream()
                .filter(c -> phone.equals(PhoneFormats.read(c.properties().get("phone"), phone).orElse(null))
                        || phone.equals(PhoneFormats.read(c.properties().get("mobilephone"), phone).orElse(null)))
                .findFirst()
                .or(() -> results.stream().filter(c -> digits.equals(digitsOnly(c.properties().get("phone")))
                        || digits.equals(digitsOnly(c.properties().get("mobilephone")))).findFirst());
    }

    /** Results oldest first (by {@code createdate}, then id), as the search is sent unsorted. */
    public static List<io.redial.crm.hubspot.internal.api.HubSpotObject> oldestFirst(
            List<io.redial.crm.hubspot.internal.api.HubSpotObject> results) {
        return results.stream().sorted(java.util.Comparator
                .comparing((io.redial.crm.hubspot.internal.api.HubSpotObject c) -> created(c.properties().get("createdate")))
                .thenComparing(c -> c.id().length()).thenComparing(io.redial.crm.hubspot.internal.api.HubSpotObject::id)).toList();
    }

    private static Instant created(@Nullable String createdate) {
        try {
            return createdate == null ? Instant.MAX : Instant.parse(createdate);
        } catch (java.time.format.DateTimeParseException notIso) {
            return Instant.MAX;
        }
    }

    private static @Nullable String digitsOnly(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("\\D", "");
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    private static FilterGroup group(String property, String value) {
        return new FilterGroup(List.of(new Filter(property, "EQ", value)));
    }

    public static Map<String, String> missedCall(CallLog call, String source) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", iso(marked(call.at(), call.callId())));
        properties.put("hs_call_title", "Missed call");
        properties.put("hs_call_direction", "INBOUND");
        properties.put("hs_call_status", "NO_ANSWER"); // HubSpot's value for a call nobody took
        properties.put("hs_call_from_number", call.caller().e164());
        properties.put("hs_call_to_number", call.line().e164());
        properties.put("hs_call_body", html(call.summary() + "\n" + footer(source, call.link())));
        return properties;
    }

    /** The note opens with the job card, then the conversation, each text at its local time. */
    public static Map<String, String> transcriptNote(Transcript transcript, @Nullable CrmLead lead, String source, Instant now) {
        Instant at = transcript.lines().isEmpty() ? now : transcript.lines().getLast().at();
        String card = lead == null ? "" : RecordText.jobCard(lead.details(), null, null, lead.zone());
        String body = html((card.isEmpty() ? "" : card + "\n\n") + "SMS conversation\n" + transcript.asText(zone(lead))
                + "\n" + footer(source, transcript.link()));
        return Map.of("hs_timestamp", iso(marked(at, transcript.conversationId())), "hs_note_body", truncate(body));
    }

    public static Map<String, String> deal(JobRequest job, @Nullable CrmLead lead, String pipeline, String stage, String source) {
        String name = lead == null ? null : lead.details().callerName();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dealname", title(job.summary() + (name == null || name.isBlank() ? "" : " – " + name.trim()), lead));
        properties.put("pipeline", pipeline);
        properties.put("dealstage", stage);
        properties.put("description", jobText(job, lead, source));
        properties.put("closedate", iso(marked(job.start(), job.leadId()))); // the job's day; the retry marker
        return properties;
    }

    /** A booked job on the office's calendar: its window, where, and SCHEDULED until it happens. */
    public static Map<String, String> meeting(JobRequest job, @Nullable CrmLead lead, String source) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", iso(marked(job.start(), job.leadId())));
        properties.put("hs_meeting_title", title(job.summary(), lead));
        properties.put("hs_meeting_body", html(jobText(job, lead, source)));
        properties.put("hs_meeting_start_time", iso(job.start()));
        properties.put("hs_meeting_end_time", iso(job.end()));
        if (job.serviceAddress() != null) {
            properties.put("hs_meeting_location", job.serviceAddress());
        }
        properties.put("hs_meeting_outcome", "SCHEDULED");
        return properties;
    }

    public static Map<String, String> jobTask(JobRequest job, @Nullable CrmLead lead, String source) {
        return task(title("Booked: " + job.summary(), lead), jobText(job, lead, source), FollowUpTask.Priority.NORMAL,
                marked(job.start(), job.leadId()));
    }

    public static Map<String, String> followUp(FollowUpTask task) {
        return task(task.subject(), task.body(), task.priority(), marked(task.due(), task.leadId()));
    }

    private static Map<String, String> task(String subject, String body, FollowUpTask.Priority priority, Instant due) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("hs_timestamp", iso(due));
        properties.put("hs_task_subject", subject);
        properties.put("hs_task_body", html(body));
        properties.put("hs_task_status", "NOT_STARTED");
        properties.put("hs_task_priority", switch (priority) {
            case LOW -> "LOW";
            case NORMAL -> "MEDIUM";
            case HIGH -> "HIGH";
        });
        properties.put("hs_task_type", "CALL");
        return properties;
    }

    /** The job card (who, where, what, how urgent, the window in the tenant's zone), then what was booked. */
    private static String jobText(JobRequest job, @Nullable CrmLead lead, String source) {
        LeadDetails details = lead == null ? new LeadDetails(null, job.serviceAddress(), null, null, null, null)
                : lead.details().serviceAddress() == null && job.serviceAddress() != null
                        ? lead.details().mergedWith(new LeadDetails(null, job.serviceAddress(), null, null, null, null))
                        : lead.details();
        return RecordText.jobCard(details, job.start(), job.end(), zone(lead)) + "\n\n" + job.summary() + "\n"
                + footer(source, job.link());
    }

    private static String title(String title, @Nullable CrmLead lead) {
        return lead == null ? title : RecordText.title(title, lead.details());
    }

    private static ZoneId zone(@Nullable CrmLead lead) {
        return lead == null ? ZoneOffset.UTC : lead.zone();
    }

    private static String footer(String source, URI link) {
        return "Source: " + source + "\nLead in Redial: " + link;
    }

    /** HubSpot renders activity bodies as HTML. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
    }

    private static String truncate(String body) {
        return body.length() <= NOTE_BODY_LIMIT ? body : body.substring(0, NOTE_BODY_LIMIT - 1) + "…";
    }

    /**
     * HubSpot has no idempotency key for activity creates, so each call, note, meeting, deal and task carries a marker we
     * can search for after a lost answer: its time ({@link #marker}) to the second, with our own id in the
     * milliseconds (nobody reads those).
     */
    public static Instant marked(Instant at, long id) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusMillis(Math.floorMod(id, 1000));
    }

    /** The property that holds a record's {@link #marked} time: {@code closedate} on deals, else {@code hs_timestamp}. */
    public static String marker(String objectType) {
        return objectType.equals("0-3") ? "closedate" : "hs_timestamp";
    }

    /**
     * Records of one type that an earlier attempt may have written: one filter group per wanted record (its marker
     * time, as HubSpot takes datetimes, in epoch milliseconds, and its contact), up to {@link SearchRequest#MAX_GROUPS}.
     */
    public static SearchRequest markedRecords(String objectType, List<Map.Entry<Instant, String>> markedAndContact) {
        return new SearchRequest(markedAndContact.stream().map(m -> new FilterGroup(List.of(
                        new Filter(marker(objectType), "EQ", String.valueOf(m.getKey().toEpochMilli())),
                        new Filter("associations.contact", "EQ", m.getValue())))).toList(),
                List.of(marker(objectType)), List.of(), SearchRequest.MAX_LIMIT, "0");
    }

    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
