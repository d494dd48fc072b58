package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The text-back's wording: a template with merge fields filled, or the built-in default of its kind. */
public final class TextBackTemplates {

    public static final String BUSINESS_HOURS = "textback.business_hours";
    public static final String AFTER_HOURS = "textback.after_hours";
    public static final String REPEAT_CALL = "textback.repeat_call";
    public static final String FOLLOW_UP = "textback.follow_up";
    public static final Set<String> FIELDS =
            Set.of("business", "caller_first_name", "booking_link", "callback_number", "hours_today");
    public static final int MAX_SEGMENTS = 2;

    private static final Map<String, String> DEFAULTS = Map.of(
            BUSINESS_HOURS, "Hi {caller_first_name}, this is {business}. Sorry we missed your call! How can we help? "
                    + "Reply here or call {callback_number}. Reply STOP to opt out.",
            AFTER_HOURS, "Hi {caller_first_name}, this is {business}. We're {hours_today}, but reply here and we'll get "
                    + "you sorted, or tell us if it's an emergency. Reply STOP to opt out.",
            REPEAT_CALL, "Hi again from {business}: we saw you called again. Just reply here and we'll pick it up "
                    + "right away, or call {callback_number}.",
            FOLLOW_UP, "Hi {caller_first_name}, {business} here again. Still need a hand? Reply here and we'll take "
                    + "care of it, or call {callback_number}. Reply STOP to opt out.");
    private static final Pattern FIELD = Pattern.compile("\\{([a-z_]*)}");
    /**
     * Fields whose value is a fixed kind of phrase, and the words that must come just before them for the
     * sentence to read right whatever the value: "there" after "Hi", "closed today …" after "We're".
     */
    private static final Map<String, Pattern> LEAD_IN = Map.of(
            "caller_first_name", Pattern.compile("(?i)\\b(hi|hello|hey|hola),?\\s*$"),
            "hours_today", Pattern.compile("(?i)\\b(we're|we’re|we are)\\s*$"));
    private static final Map<String, String> LEAD_IN_REASON = Map.of(
            "caller_first_name", "{caller_first_name} goes right after Hi, Hello or Hey: it reads \"there\" when we "
                    + "don't know the caller's name",
            "hours_today", "{hours_today} goes right after \"We're\": it reads \"open until 6 PM today\", \"closed until "
                    + "8 AM today\" or \"closed today and open again tomorrow at 8 AM\"");

    private TextBackTemplates() {
    }

    public static String defaultFor(String kind) {
        return DEFAULTS.get(kind);
    }

    /** The values of the merge fields for one text; a missing value is null. */
    public record Fields(String business, @Nullable String callerFirstName, @Nullable String bookingLink,
            String callbackNumber, String hoursToday) {

        Map<String, @Nullable String> asMap() {
            Map<String, @Nullable String> map = new java.util.HashMap<>();
            map.put("business", business);
            map.put("caller_first_name", callerFirstName == null ? "there" : callerFirstName);
            map.put("booking_link", bookingLink);
            map.put("callback_number", callbackNumber);
            map.put("hours_today", hoursToday);
            return map;
        }
    }

    /**
     * Generous values for checking a template when it is saved: a long first name and the longest
     * "hours today" text, so a template that passes here fits its segments for real callers too.
     */
    public static Fields worstCase(String business, @Nullable String bookingLink, PhoneNumber callback) {
        return new Fields(business, "Maximiliano", bookingLink, national(callback),
                "closed today for the holiday and open again Wednesday at 12:30 PM");
    }

    /** What a kind's Spanish version adds to its name. */
    public static final String SPANISH = ".es";

    /** The kinds of template a tenant (or one of its lines) can set; each also in Spanish ({@link #spanish}). */
    public static final Set<String> KINDS = Set.of(BUSINESS_HOURS, AFTER_HOURS, REPEAT_CALL, FOLLOW_UP);

    /** One of {@link #KINDS}, or the Spanish version of one. */
    public static boolean known(String kind) {
        return KINDS.contains(isSpanish(kind) ? kind.substring(0, kind.length() - SPANISH.length()) : kind);
    }

    /**
     * The Spanish version of a kind: the tenant's own words for a caller who wrote Spanish before. There is no
     * built-in one; without the tenant's, such a caller gets the English text.
     */
    public static String spanish(String kind) {
        return kind + SPANISH;
    }

    public static boolean isSpanish(String kind) {
        return kind.endsWith(SPANISH);
    }

    /** A rendered text, or why the template could not be used. */
    public record Rendered(String text, @Nullable String problem) {
    }

    /**
     * Fills the merge fields. A template that names an unknown field, a field without a value, or that
     * renders past {@value #MAX_SEGMENTS} segments falls back to the default of its kind: a broken template
     * never blocks a text, and {@link Rendered#problem()} says what to tell the admin.
     */
    public static Rendered render(String kind, String template, Fields fields) {
        String problem = problem(kind, template, fields);
        if (problem == null) {
            return new Rendered(fill(template, fields), null);
        }
        return new Rendered(fill(DEFAULTS.get(kind.replace(SPANISH, "")), fields), problem);
    }

    /**
     * As {@link #problem(String, Fields)}, for a kind: a Spanish text may not use the fields that read in English
     * ("there" for an unknown name, "open until 6 PM today").
     */
    public static @Nullable String problem(String kind, String template, Fields fields) {
        if (isSpanish(kind)) {
            Matcher m = FIELD.matcher(template);
            while (m.find()) {
                if (LEAD_IN.containsKey(m.group(1))) {
                    return "{" + m.group(1) + "} reads in English, so the Spanish text cannot use it";
                }
            }
        }
        return problem(template, fields);
    }

    /** Why this template cannot be used with these values, or null when it can. */
    public static @Nullable String problem(String template, Fields fields) {
        if (template.isBlank()) {
            return "the template is empty";
        }
        Matcher m = FIELD.matcher(template);
        while (m.find()) {
            if (!FIELDS.contains(m.group(1))) {
                return "unknown merge field {" + m.group(1) + "}";
            }
            if (fields.asMap().get(m.group(1)) == null) {
                return "merge field {" + m.group(1) + "} has no value (set it in the tenant's settings)";
            }
            Pattern leadIn = LEAD_IN.get(m.group(1));
            if (leadIn != null && !leadIn.matcher(template.substring(0, m.start())).find()) {
                return LEAD_IN_REASON.get(m.group(1));
            }
        }
        String filled = fill(template, fields);
        if (filled.isBlank()) { // Twilio refuses an empty body (21602): only empty fields, e.g. {first_name} alone
            return "the text would be empty with these values";
        }
        SmsSegments segments = SmsSegments.of(filled);
        if (segments.segments() > MAX_SEGMENTS) {
            return "the text needs " + segments.segments() + " segments (" + segments.encoding() + "); at most "
                    + MAX_SEGMENTS + " are allowed";
        }
        return null;
    }

    /** The template with these values filled in as written, even when it has a problem: for live previews. */
    public static String preview(String template, Fields fields) {
        return fill(template, fields);
    }

    private static String fill(String template, Fields fields) {
        Map<String, @Nullable String> values = fields.asMap();
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "+15125550100" → "(512) 555-0100" for North American numbers; E.164 elsewhere. */
    public static String national(PhoneNumber number) {
        String e = number.e164();
        if (e.startsWith("+1") && e.length() == 12) {
            return "(" + e.substring(2, 5) + ") " + e.substring(5, 8) + "-" + e.substring(8);
        }
        return e;
    }
}
