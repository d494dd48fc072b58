package io.redial.crm.servicetitan.internal.mapping;

import io.redial.crm.servicetitan.internal.api.Address;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A US address as callers text it ("1200 Barton Springs Rd, Austin TX 78704") split into the fields
 * ServiceTitan requires. Anything else stays text in the booking's summary for a CSR to read.
 */
public final class Addresses {

    private static final Pattern US = Pattern.compile(
            "^\\s*(?<street>[^,]+?)\\s*,\\s*(?:(?<unit>(?:apt|unit|suite|ste|#)\\.?\\s*[^,]+?)\\s*,\\s*)?"
                    + "(?<city>[^,]+?)\\s*,?\\s+(?<state>[A-Za-z]{2})\\.?\\s*,?\\s+(?<zip>\\d{5})(?:-\\d{4})?\\s*(?:,?\\s*(?:USA?|United States))?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Addresses() {
    }

    public static Optional<Address> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = US.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Address(m.group("street"), m.group("unit"), m.group("city"),
                m.group("state").toUpperCase(Locale.ROOT), m.group("zip"), "USA"));
    }

    /** Same place, as far as ServiceTitan's free-text fields let us tell: street and zip, ignoring case and spacing. */
    public static boolean samePlace(@Nullable Address a, Address b) {
        return a != null && normal(a.street()).equals(normal(b.street())) && normal(a.zip()).equals(normal(b.zip()));
    }

    private static String normal(@Nullable String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
