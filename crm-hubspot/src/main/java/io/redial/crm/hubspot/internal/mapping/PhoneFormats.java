package io.redial.crm.hubspot.internal.mapping;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.redial.shared.PhoneNumber;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The shapes a number takes in HubSpot, which stores phone properties as typed. */
public final class PhoneFormats {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneFormats() {
    }

    /** "5125550142" for +15125550142: what HubSpot's calculated search properties hold. */
    static String nationalDigits(PhoneNumber phone) {
        return String.valueOf(parse(phone).getNationalNumber());
    }

    /** "(512) 555-0142" for +15125550142. */
    static String nationalFormat(PhoneNumber phone) {
        return UTIL.format(parse(phone), PhoneNumberFormat.NATIONAL);
    }

    /** A stored value read as a number of {@code like}'s region; empty when it is no number. */
    public static Optional<PhoneNumber> read(@Nullable String stored, PhoneNumber like) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumber.parse(stored, like.region()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parse(PhoneNumber phone) {
        try {
            return UTIL.parse(phone.e164(), "ZZ");
        } catch (NumberParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
