package io.redial.receptionist.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temperatures a caller mentions ("its 50 inside", "105 outside", "hace 100 grados adentro"), each marked
 * inside or outside. A bare number counts only with a unit, a place, or words that announce a temperature, so
 * "my grandma is 90" is an age and "4410 Duval St" an address.
 */
public final class Temperatures {

    record Reading(int fahrenheit, boolean outside) {
    }

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d$#:/.-])(-?\\d{2,3})(?![\\d:/%])\\s*(°\\s*f?|degrees?|deg|grados|f\\b)?");
    private static final Pattern ANNOUNCED = Pattern.compile(
            "(?:its|it's|it is|at|like|about|around|almost|over|under|below|above|hace|temp|temperature|thermostat"
                    + "(?: says| reads| shows)?|reads|down to|up to|only|barely|a)\\s*$");
    private static final Pattern INSIDE = Pattern.compile(
            "^\\s*(?:degrees?|grados|°)?\\s*(?:inside|in here|in the (?:house|home|room|nursery|bedroom|apartment|kitchen|living room)"
                    + "|indoors|adentro|dentro|en la casa|in my house|in our house)");
    private static final Pattern OUTSIDE = Pattern.compile(
            "^\\s*(?:degrees?|grados|°)?\\s*(?:outside|outdoors|out there|afuera|today|tonight|high|low)");

    private Temperatures() {
    }

    static List<Reading> read(String plain) {
        List<Reading> readings = new ArrayList<>();
        Matcher m = NUMBER.matcher(plain);
        while (m.find()) {
            int value = Integer.parseInt(m.group(1));
            String before = plain.substring(Math.max(0, m.start() - 30), m.start());
            String after = plain.substring(m.end(), Math.min(plain.length(), m.end() + 30));
            boolean outside = OUTSIDE.matcher(after).find();
            boolean placed = outside || INSIDE.matcher(after).find();
            boolean announced = m.group(2) != null || ANNOUNCED.matcher(before).find();
            if ((placed || announced) && value >= -30 && value <= 130 && !after.matches("^\\s*(?:months?|years?|yo|yr|gal|am|pm|ft|k)\\b.*")) {
                readings.add(new Reading(value, outside));
            }
        }
        return readings;
    }
}
