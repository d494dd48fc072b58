package io.redial.receptionist;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ZIP codes a tenant serves: single codes and ranges such as "78701-78759". An empty area serves
 * everywhere. (A radius needs coordinates for an address; no geocoder is wired in yet.)
 */
public record ServiceArea(List<String> entries) {

    private static final Pattern ZIP = Pattern.compile("(?<!\\d)(\\d{5})(?:-\\d{4})?(?!\\d)");

    public boolean covers(String zip) {
        if (entries.isEmpty()) {
            return true;
        }
        int z = Integer.parseInt(zip);
        for (String entry : entries) {
            String[] range = entry.trim().split("-");
            if (range.length == 2 && z >= Integer.parseInt(range[0].trim()) && z <= Integer.parseInt(range[1].trim())) {
                return true;
            }
            if (range.length == 1 && range[0].trim().equals(zip)) {
                return true;
            }
        }
        return false;
    }

    /** The last five-digit ZIP in an address, if any; a leading house number ("10500 Research Blvd") is not one. */
    public static Optional<String> zipIn(String address) {
        Matcher m = ZIP.matcher(address);
        String found = null;
        while (m.find()) {
            if (!address.substring(0, m.start()).isBlank()) {
                found = m.group(1);
            }
        }
        return Optional.ofNullable(found);
    }
}
