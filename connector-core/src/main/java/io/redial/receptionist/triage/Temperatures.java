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

    // Number words by position: TENS_EN.get(i) and TENS_ES.get(i) are 20 + 10 i; UNITS_*.get(i) is i + 1.
    private static final List<String> TENS_EN = List.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");
    private static final List<String> TENS_ES = List.of("veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa");
    private static final List<String> UNITS_EN = List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
    private static final List<String> UNITS_ES = List.of("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve");
    private static final Pattern WORDS = Pattern.compile("(?<![a-z])(" + String.join("|", TENS_EN) + "|" + String.join("|", TENS_ES) + ")(?:[\\s-]+(?:y\\s+)?("
            + String.join("|", UNITS_EN) + "|" + String.join("|", UNITS_ES) + "))?(?![a-z])");
    /** "90 something", "the 40s": the middle of that decade. */
    private static final Pattern DECADE = Pattern.compile("(?<![\\d$#])(\\d)0(?:\\s?(?:something|somethin|ish)|'?s)(?![a-z])");

    private Temperatures() {
    }

    /** Temperatures written as words or as a decade, turned into digits. */
    static String digits(String plain) {
        Matcher w = WORDS.matcher(plain);
        StringBuilder out = new StringBuilder();
        while (w.find()) {
            int value = tens(w.group(1)) + (w.group(2) == null ? 0 : units(w.group(2)));
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

    private static int tens(String word) {
        int i = TENS_EN.indexOf(word);
        return 20 + 10 * (i >= 0 ? i : TENS_ES.indexOf(word));
    }

    private static int units(String word) {
        int i = UNITS_EN.indexOf(word);
        return 1 + (i >= 0 ? i : UNITS_ES.indexOf(word));
    }
}
