package io.redial.crm.jobber.internal.mapping;

import io.redial.shared.PhoneNumber;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Jobber keeps phone numbers as the office typed them ("512-555-0142", "(512) 555 0142 ext 3", "+1 512…"),
 * and its client search matches loosely; this reads a stored number back as E.164 so only a real match counts.
 */
public final class JobberPhones {

    private JobberPhones() {
    }

    /** What we search with: the national digits, which every stored format of the number contains. */
    public static String searchTerm(PhoneNumber phone) {
        String digits = phone.e164().substring(1);
        return digits.length() == 11 && digits.startsWith("1") ? digits.substring(1) : digits;
    }

    public static boolean sameNumber(@Nullable String stored, PhoneNumber phone) {
        return read(stored).filter(phone::equals).isPresent();
    }

    static Optional<PhoneNumber> read(@Nullable String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        String withoutExtension = stored.split("(?i)\\s*(ext\\.?|x|#)\\s*\\d+\\s*$")[0];
        try {
            return Optional.of(PhoneNumber.parse(withoutExtension, "US"));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }
}
