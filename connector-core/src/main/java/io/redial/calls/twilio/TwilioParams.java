package io.redial.calls.twilio;

import io.redial.shared.PhoneNumber;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads Twilio form parameters; a missing or malformed one becomes a 400 with its name. */
final class TwilioParams {

    private TwilioParams() {
    }

    static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing Twilio parameter " + name);
        }
        return value;
    }

    static int integer(Map<String, String> form, String name) {
        String value = form.get(name);
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Twilio parameter " + name + " is not a number: " + value);
        }
    }

    static @Nullable PhoneNumber optionalNumber(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null || value.isBlank() ? null : PhoneNumber.parse(value);
    }
}
