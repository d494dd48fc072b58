package io.redial.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.regex.Pattern;

/** A phone number in E.164 form ("+15125550143"). Never pass numbers around as plain strings. */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Compiled once: numbers are made from every database row and webhook that carries one. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
    }

    /** Parses what a carrier or a person wrote; numbers without a country code are read as {@code defaultRegion}. */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        try {
            var parsed = UTIL.parse(raw.trim(), defaultRegion);
            if (!UTIL.isPossibleNumber(parsed)) {
                throw new IllegalArgumentException("not a possible phone number: " + raw);
            }
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a phone number: " + raw, e);
        }
    }

    public static PhoneNumber parse(String raw) {
        return parse(raw, "US");
    }

    /** ISO region of the number ("US", "CA", "MX"), or "ZZ" when unknown. */
    public String region() {
        try {
            return UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }

    /** What logs may carry: country code and the last two digits only. */
    public String masked() {
        return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
    }

    @Override
    public String toString() {
        return masked();
    }
}
