package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text-back's wording: the tenant's template with merge fields filled, or a built-in default. */
final class TextBackTemplates {

    static final String BUSINESS_HOURS = "textback.business_hours";
    static final String AFTER_HOURS = "textback.after_hours";

    private static final Map<String, String> DEFAULTS = Map.of(
            BUSINESS_HOURS, "Hi, this is {business}. Sorry we missed your call! How can we help? "
                    + "Reply here or call {callback_number}. Reply STOP to opt out.",
            AFTER_HOURS, "Hi, this is {business}. We're closed right now, but reply here and we'll get you sorted, "
                    + "or tell us if it's an emergency. Reply STOP to opt out.");
    private static final Pattern FIELD = Pattern.compile("\\{([a-z_]+)}");

    private TextBackTemplates() {
    }

    static String defaultFor(String kind) {
        return DEFAULTS.get(kind);
    }

    /**
     * Fills the merge fields. A template naming a field we cannot fill falls back to the built-in default of
     * its kind: a broken template never blocks a text.
     */
    static String render(String kind, String template, Tenant tenant, PhoneNumber callback) {
        Map<String, String> fields = Map.of("business", tenant.name(), "callback_number", national(callback));
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            if (value == null) {
                return render(kind, DEFAULTS.get(kind), tenant, callback);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "+15125550100" → "(512) 555-0100" for North American numbers; E.164 elsewhere. */
    static String national(PhoneNumber number) {
        String e = number.e164();
        if (e.startsWith("+1") && e.length() == 12) {
            return "(" + e.substring(2, 5) + ") " + e.substring(5, 8) + "-" + e.substring(8);
        }
        return e;
    }
}
