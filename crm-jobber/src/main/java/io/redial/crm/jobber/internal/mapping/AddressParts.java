package io.redial.crm.jobber.internal.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service address as the caller texted it ("1200 Barton Springs Rd, Austin TX 78704") split into Jobber's
 * {@code AddressAttributes}; what does not parse stays whole in {@code street1}, so nothing is lost.
 */
public final class AddressParts {

    /** "City, ST 12345" or "City ST 12345" at the end of the text. */
    private static final Pattern CITY_STATE_ZIP =
            Pattern.compile("^(?<street>.+?),\\s*(?<city>[^,]+?),?\\s+(?<state>[A-Za-z]{2})\\.?\\s+(?<zip>\\d{5}(-\\d{4})?)\\s*$");

    private AddressParts() {
    }

    public static Map<String, String> of(String address) {
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = CITY_STATE_ZIP.matcher(address.trim());
        if (m.matches()) {
            parts.put("street1", m.group("street").trim());
            parts.put("city", m.group("city").trim());
            parts.put("province", m.group("state").toUpperCase(java.util.Locale.ROOT));
            parts.put("postalCode", m.group("zip"));
            parts.put("country", "US");
        } else {
            parts.put("street1", address.trim());
        }
        return parts;
    }

    /** The street line, to recognise a property the client already has. */
    public static String street(String address) {
        return of(address).get("street1");
    }
}
