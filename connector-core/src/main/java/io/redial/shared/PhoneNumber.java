package io.redial.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A phone number in E.164 form ("+15125550143"). Never pass numbers around as plain strings. */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<Integer> CALLING_CODES = UTIL.getSupportedCallingCodes();
    /** Compiled once: numbers are made from every database row and webhook that carries one. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /**
     * A caller who withheld their number. Twilio sends it as ANONYMOUS spelt on a keypad ({@code +266696687}), so
     * a hidden caller is one number of its own; it is never texted nor shown as a number.
     */
    public static final PhoneNumber HIDDEN = new PhoneNumber("+266696687");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number: " + e164);
        }
    }

    /** Parses what a carrier or a person wrote; numbers without a country code are read as {@code defaultRegion}. */
    public static PhoneNumber parse(String raw, String defaultRegion) {
        String trimmed = raw.trim();
        if (E164.matcher(trimmed).matches()) { // as Twilio writes every number: only its length needs checking
            Phonenumber.PhoneNumber split = split(trimmed);
            if (split != null && UTIL.isPossibleNumber(split)) {
                return new PhoneNumber(trimmed);
            }
        }
        try {
            var parsed = UTIL.parse(trimmed, defaultRegion);
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

    public boolean hidden() {
        return equals(HIDDEN);
    }

    /** ISO region of the number ("US", "CA", "MX"), or "ZZ" when unknown. */
    public String region() {
        Phonenumber.PhoneNumber split = split(e164);
        return split == null ? "ZZ" : UTIL.getRegionCodeForNumber(split);
    }

    /**
     * An E.164 string as libphonenumber's number, without its full parser (which hunts for extensions, national
     * prefixes and the like with regular expressions, on every webhook): calling codes are prefix-free, so the
     * one of one to three digits that libphonenumber knows is the code, and the rest is the national number.
     */
    private static Phonenumber.@Nullable PhoneNumber split(String e164) {
        for (int length = 1; length <= 3 && length < e164.length() - 1; length++) {
            int code = Integer.parseInt(e164, 1, 1 + length, 10);
            if (CALLING_CODES.contains(code)) {
                String national = e164.substring(1 + length);
                int leadingZeros = 0;
                while (leadingZeros < national.length() - 1 && national.charAt(leadingZeros) == '0') {
                    leadingZeros++;
                }
                var number = new Phonenumber.PhoneNumber().setCountryCode(code)
                        .setNationalNumber(Long.parseLong(national));
                if (leadingZeros > 0) { // Italian numbers keep their leading zero
                    number.setItalianLeadingZero(true).setNumberOfLeadingZeros(leadingZeros);
                }
                return number;
            }
        }
        return null;
    }

    /**
     * How a person reads the number: national format ("(512) 555-0143") when it shares its country calling code
     * with {@code home} (the business's own line), international ("+44 20 7946 0018") otherwise.
     */
    public String display(PhoneNumber home) {
        if (hidden()) {
            return "Hidden number";
        }
        Phonenumber.PhoneNumber split = split(e164);
        if (split == null) {
            return e164;
        }
        Phonenumber.PhoneNumber homeSplit = split(home.e164);
        boolean domestic = homeSplit != null && homeSplit.getCountryCode() == split.getCountryCode();
        return UTIL.format(split, domestic ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
    }

    /** What logs may carry: country code and the last two digits only. */
    public String masked() {
        if (hidden()) {
            return "hidden";
        }
        return e164.substring(0, 2) + "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 2);
    }

    private static final Pattern ANY_E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    /** {@code text} with every number in it masked, for a message from outside (a carrier's error) that goes to a log. */
    public static String maskAll(@Nullable String text) {
        return text == null ? "" : ANY_E164.matcher(text).replaceAll(m -> new PhoneNumber(m.group()).masked());
    }

    @Override
    public String toString() {
        return masked();
    }
}
