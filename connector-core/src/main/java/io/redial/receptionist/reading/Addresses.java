package io.redial.receptionist.reading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a street address anywhere in a text: "4410 Duval St austin 78751", "500 e 5th st apt 1204",
 * "4512 Avenue F, 78751", or a house number and street followed by a ZIP. Keeps the unit and the ZIP when they
 * follow in the same clause, and stops before whatever the caller says next.
 */
public final class Addresses {

    /** Where in the text the address was found. */
    record Found(String address, int start, int end) {
    }

    private static final String TYPES = "st|street|ave|avenue|av|rd|road|dr|drive|ln|lane|blvd|boulevard|way|ct|court|cir|circle|"
            + "pkwy|parkway|trl|trail|pl|place|hwy|highway|loop|cv|cove|ter|terrace|pass|row|sq|square|path|bend|xing|calle|avenida";
    private static final Pattern TYPED = Pattern.compile("(?i)(?<![\\d\\p{L}-])\\d{1,6}[a-z]?\\s+(?:[nsew]\\.?\\s+|north\\s+|south\\s+|east\\s+|west\\s+)?"
            + "(?:[\\p{L}0-9'-]+\\.?\\s+){0,4}?(?:" + TYPES + ")(?![\\p{L}])\\.?");
    private static final Pattern LETTERED = Pattern.compile("(?i)(?<![\\d\\p{L}-])\\d{1,6}\\s+(?:avenue|ave|calle|avenida)\\s+[\\p{L}0-9]{1,3}(?![\\p{L}0-9])");
    private static final Pattern ZIPPED = Pattern.compile("(?i)(?<![\\d\\p{L}-])\\d{1,6}\\s+(?:[\\p{L}'-]+\\s+){1,4}?(?=,?\\s*(?:[\\p{L}]+\\s*,?\\s*)?(?:tx\\s*)?\\d{5}(?!\\d))");
    private static final Pattern UNIT = Pattern.compile("(?i)^\\s*,?\\s*(?:apt|apartment|unit|suite|ste|#|no\\.?)\\s*\\.?\\s*#?[\\p{L}0-9-]{1,6}(?![\\p{L}0-9])");
    private static final Pattern ZIP_AHEAD = Pattern.compile("^[^.!?\\n;]{0,40}?(?<!\\d)\\d{5}(?!\\d)");
    private static final Pattern CITY_STATE = Pattern.compile("(?i)^\\s*,?\\s*(?:[\\p{L}]+\\s+){0,2}?[\\p{L}]+\\s*,?\\s*(?:tx|texas)(?![\\p{L}])");
    static final Pattern ZIP = Pattern.compile("(?<!\\d)\\d{5}(?!\\d)");

    private Addresses() {
    }

    static Optional<Found> find(String text) {
        Matcher best = null;
        for (Pattern p : new Pattern[] {TYPED, LETTERED, ZIPPED}) {
            Matcher m = p.matcher(text);
            // The earliest; of two at one place the longer: "4419 Avenue D" is more than "4419 Avenue".
            if (m.find() && (best == null || m.start() < best.start() || (m.start() == best.start() && m.end() > best.end()))) {
                best = m;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int end = best.end();
        Matcher unit = UNIT.matcher(text.substring(end));
        if (unit.find()) {
            end += unit.end();
        }
        Matcher zip = ZIP_AHEAD.matcher(text.substring(end));
        Matcher city = CITY_STATE.matcher(text.substring(end));
        if (zip.find()) {
            end += zip.end();
        } else if (city.find()) {
            end += city.end();
        }
        String address = text.substring(best.start(), end).strip().replaceAll("[,.!\\s]+$", "");
        return Optional.of(new Found(address, best.start(), end));
    }
}
