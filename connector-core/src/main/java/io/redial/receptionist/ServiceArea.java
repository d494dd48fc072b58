package io.redial.receptionist;

import io.redial.shared.geo.GeoPoint;
import io.redial.shared.geo.ServiceRadius;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a tenant works: ZIP codes (single codes and ranges such as "78701-78759") and/or a radius around
 * the shop. An area with neither serves everywhere. A listed ZIP is always in; otherwise a radius decides
 * once the address has been located, and until then the answer is unknown.
 */
public record ServiceArea(List<String> entries, @Nullable ServiceRadius radius) {

    private static final Pattern ZIP = Pattern.compile("(?<!\\d)(\\d{5})(?:-\\d{4})?(?!\\d)");

    public ServiceArea(List<String> entries) {
        this(entries, null);
    }

    /** @return whether the address lies in the area, or null when that cannot be told (yet) */
    public @Nullable Boolean covers(String address, @Nullable GeoPoint located) {
        String zip = zipIn(address).orElse(null);
        if (entries.isEmpty() && radius == null) {
            return true;
        }
        if (zip != null && listed(zip)) {
            return true;
        }
        if (radius != null) {
            return located == null ? null : radius.covers(located);
        }
        return zip == null ? null : false;
    }

    /** Whether a ZIP alone is in the area: null when only a street address could tell (a radius). */
    public @Nullable Boolean coversZip(String zip) {
        if (entries.isEmpty() && radius == null || listed(zip)) {
            return true;
        }
        return radius != null ? null : false;
    }

    /** Whether {@link #covers} would need the address's position to answer. */
    public boolean needsLocation(String address) {
        return radius != null && zipIn(address).map(zip -> !listed(zip)).orElse(true);
    }

    private boolean listed(String zip) {
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
