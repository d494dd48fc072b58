package io.redial.shared.twilio;

import io.redial.shared.PhoneNumber;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads Twilio's webhook parameters and checks each at the edge: its length, its characters and, where
 * Twilio documents them, its allowed values. Anything else is an {@link IllegalArgumentException} naming the
 * parameter (answered 400 before anything is stored); values are never echoed, since they may be a caller's
 * number or thousands of characters.
 */
public final class TwilioParams {

    /** Two capital letters and 32 lower-case hex digits, as every Twilio SID (CA…, SM…, MM…). */
    private static final Pattern SID = Pattern.compile("[A-Z]{2}[0-9a-f]{32}");
    private static final int MAX_PHONE = 32;
    /** The longest message Twilio carries (10 segments of 160). */
    public static final int MAX_BODY = 1600;

    // https://www.twilio.com/docs/voice/twiml/dial#dialcallstatus
    public static final Set<String> DIAL_CALL_STATUSES = Set.of("completed", "answered", "busy", "no-answer", "failed",
            "canceled");
    // https://www.twilio.com/docs/voice/api/call-resource#call-status-values
    public static final Set<String> CALL_STATUSES = Set.of("queued", "initiated", "ringing", "in-progress", "completed",
            "busy", "failed", "no-answer", "canceled");
    // https://www.twilio.com/docs/voice/answering-machine-detection#webhook-parameters
    public static final Set<String> ANSWERED_BY = Set.of("human", "machine_start", "machine_end_beep",
            "machine_end_silence", "machine_end_other", "fax", "unknown");
    // https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
    public static final Set<String> MESSAGE_STATUSES = Set.of("accepted", "scheduled", "canceled", "queued", "sending",
            "sent", "failed", "delivered", "undelivered", "receiving", "received", "read", "partially_delivered");

    private TwilioParams() {
    }

    public static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing Twilio parameter " + name);
        }
        return value;
    }

    /** A SID with one of {@code prefixes} ("CA", "SM", "MM"). */
    public static String sid(Map<String, String> form, String name, String... prefixes) {
        return checkedSid(name, required(form, name), prefixes);
    }

    public static String checkedSid(String name, String value, String... prefixes) {
        if (!SID.matcher(value).matches() || !Set.of(prefixes).contains(value.substring(0, 2))) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is not a " + String.join(" or ", prefixes)
                    + " SID (two letters and 32 hex digits)");
        }
        return value;
    }

    public static String oneOf(Map<String, String> form, String name, Set<String> allowed) {
        String value = required(form, name);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Twilio parameter " + name + " has a value Twilio does not send"
                    + " (expected one of " + allowed.stream().sorted().toList() + ")");
        }
        return value;
    }

    public static @Nullable String optionalOneOf(Map<String, String> form, String name, Set<String> allowed) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : oneOf(form, name, allowed);
    }

    /** A whole number of seconds or the like, 0 when absent. */
    public static int count(Map<String, String> form, String name, int max) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        if (!value.trim().matches("\\d{1,9}") || Integer.parseInt(value.trim()) > max) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is not a whole number from 0 to " + max);
        }
        return Integer.parseInt(value.trim());
    }

    public static PhoneNumber number(Map<String, String> form, String name) {
        return phone(name, required(form, name));
    }

    /**
     * What carriers send for a caller who withheld their number: the word, or the word spelt on a keypad
     * (https://www.twilio.com/en-us/changelog/upcoming-changes-to-withheld-caller-ids-behavior-for-dial-calls:
     * ANONYMOUS, RESTRICTED, UNKNOWN, UNAVAILABLE, BLOCKED, PRIVATE), with or without a plus.
     */
    static final Set<String> WITHHELD = Set.of("anonymous", "restricted", "unknown", "unavailable", "blocked", "private",
            "withheld", "266696687", "7378742833", "8656696", "86282452253", "256258", "7748283");

    /** A caller's number, or {@link PhoneNumber#HIDDEN} when the caller withheld it (or it came empty, not absent). */
    public static PhoneNumber caller(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing Twilio parameter " + name);
        }
        if (value.isBlank() || WITHHELD.contains(value.strip().replace("+", "").toLowerCase(java.util.Locale.ROOT))) {
            return PhoneNumber.HIDDEN;
        }
        return phone(name, value);
    }

    public static @Nullable PhoneNumber optionalNumber(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : phone(name, value);
    }

    /** A short token of letters, digits and {@code extra} characters (StirVerstat, ErrorCode, Digits), or null. */
    public static @Nullable String optionalToken(Map<String, String> form, String name, int maxLength, String extra) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength || !value.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                || extra.indexOf(c) >= 0))) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is longer than " + maxLength
                    + " characters or holds characters Twilio does not send");
        }
        return value;
    }

    /** Free text (a message body): at most {@code maxLength} characters; empty when absent. */
    public static String text(Map<String, String> form, String name, int maxLength) {
        String value = form.getOrDefault(name, "");
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** An http(s) URL Twilio hosts (a recording), or null. */
    public static @Nullable String optionalUrl(Map<String, String> form, String name, int maxLength) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength || !value.matches("https?://[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is not an http(s) URL of at most "
                    + maxLength + " characters");
        }
        return value;
    }

    private static PhoneNumber phone(String name, String value) {
        if (value.length() > MAX_PHONE) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is too long for a phone number");
        }
        try {
            return PhoneNumber.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is not a phone number");
        }
    }
}
