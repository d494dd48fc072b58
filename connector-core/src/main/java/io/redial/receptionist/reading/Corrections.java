package io.redial.receptionist.reading;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A caller correcting what Anna has: "no, it's 2100 not 2010", "zip is 78756 not 78765", "not Jon, John". */
public final class Corrections {

    private static final Pattern X_NOT_Y = Pattern.compile("(?i)(?<![\\p{L}\\d])([\\p{L}\\d-]+)\\s*,?\\s+not\\s+([\\p{L}\\d-]+)");
    private static final Pattern NOT_Y_X = Pattern.compile("(?i)(?<![\\p{L}\\d])not\\s+([\\p{L}\\d-]+)\\s*,\\s*(?:it'?s\\s+|its\\s+|is\\s+)?([\\p{L}\\d-]+)");

    private Corrections() {
    }

    /** {@code known} with the wrong part replaced, when the text corrects a part of it. */
    static Optional<String> apply(String text, @Nullable String known) {
        if (known == null) {
            return Optional.empty();
        }
        Matcher m = X_NOT_Y.matcher(text);
        while (m.find()) {
            Optional<String> fixed = replace(known, m.group(2), m.group(1));
            if (fixed.isPresent()) {
                return fixed;
            }
        }
        m = NOT_Y_X.matcher(text);
        while (m.find()) {
            Optional<String> fixed = replace(known, m.group(1), m.group(2));
            if (fixed.isPresent()) {
                return fixed;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> replace(String known, String wrong, String right) {
        Matcher w = Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(wrong) + "(?![\\p{L}\\d])").matcher(known);
        return w.find() && !wrong.equalsIgnoreCase(right) ? Optional.of(w.replaceFirst(Matcher.quoteReplacement(right))) : Optional.empty();
    }
}
