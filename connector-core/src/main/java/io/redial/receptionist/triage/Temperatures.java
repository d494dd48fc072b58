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
            "(?:its|it's|it is|at|like|about|around|almost|over|under|below|above|hace|temp|temperature|temp is|temperature is|"
                    + "como|en los|esta a|estamos a|thermostat"
                    + "(?: says| reads| shows)?|reads|down to|up to|only|barely|a)\\s*$");
    private static final Pattern INSIDE = Pattern.compile(
            "^\\s*(?:degrees?|grados|°)?\\s*(?:inside|in here|in the (?:house|home|room|nursery|bedroom|apartment|kitchen|living room)"
                    + "|indoors|adentro|dentro|en la casa|in my house|in our house)");
    private static final Pattern OUTSIDE = Pattern.compile(
            "^\\s*(?:degrees?|grados|°)?\\s*(?:outside|outdoors|out there|afuera|today|tonight|high|low)");

    private static final java.util.Map<String, Integer> TENS = java.util.Map.ofEntries(
            java.util.Map.entry("twenty", 20), java.util.Map.entry("thirty", 30), java.util.Map.entry("forty", 40),
            java.util.Map.entry("fifty", 50), java.util.Map.entry("sixty", 60), java.util.Map.entry("seventy", 70),
            java.util.Map.entry("eighty", 80), java.util.Map.entry("ninety", 90), java.util.Map.entry("veinte", 20),
            java.util.Map.entry("treinta", 30), java.util.Map.entry("cuarenta", 40), java.util.Map.entry("cincuenta", 50),
            java.util.Map.entry("sesenta", 60), java.util.Map.entry("setenta", 70), java.util.Map.entry("ochenta", 80),
            java.util.Map.entry("noventa", 90));
    private static final java.util.Map<String, Integer> UNITS = java.util.Map.ofEntries(
            java.util.Map.entry("one", 1), java.util.Map.entry("two", 2), java.util.Map.entry("three", 3),
            java.util.Map.entry("four", 4), java.util.Map.entry("five", 5), java.util.Map.entry("six", 6),
            java.util.Map.entry("seven", 7), java.util.Map.entry("eight", 8), java.util.Map.entry("nine", 9),
            java.util.Map.entry("uno", 1), java.util.Map.entry("dos", 2), java.util.Map.entry("tres", 3),
            java.util.Map.entry("cuatro", 4), java.util.Map.entry("cinco", 5), java.util.Map.entry("seis", 6),
            java.util.Map.entry("siete", 7), java.util.Map.entry("ocho", 8), java.util.Map.entry("nueve", 9));
    /** "ninety one", "forty-six", "noventa y dos": voice-to-text writes temperatures out. */
    private static final Pattern WORDS = Pattern.compile("(?<![a-z])(" + String.join("|", TENS.keySet()) + ")(?:[\\s-]+(?:y\\s+)?("
            + String.join("|", UNITS.keySet()) + "))?(?![a-z])");
    /** "90 something", "the 40s": the middle of that decade. */
    private static final Pattern DECADE = Pattern.compile("(?<![\\d$#])(\\d)0(?:\\s?(?:something|somethin|ish)|'?s)(?![a-z])");

    private Temperatures() {
    }

    /** Temperatures written as words or as a decade, turned into digits. */
    static String digits(String plain) {
        Matcher w = WORDS.matcher(plain);
        StringBuilder out = new StringBuilder();
        while (w.find()) {
            int value = TENS.get(w.group(1)) + (w.group(2) == null ? 0 : UNITS.get(w.group(2)));
            w.appendReplacement(out, String.valueOf(value));
        }
        w.appendTail(out);
        return DECADE.matcher(out).replaceAll("$15");
    }

    static List<Reading> read(String text) {
        String plain = digits(text);
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
