package io.redial.conversations;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The carrier keywords a whole text can be: any case, any spacing ("Stop", " opt out "). Spanish callers' ALTO and
 * PARAR count as STOP and AYUDA as HELP; {@link #spanish} says which language to answer in.
 */
public enum SmsKeyword {
    OPT_OUT, OPT_IN, HELP;

    private static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
                    "ALTO", "PARAR", "PARE", "BAJA");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO", "AYUDA");
    private static final Set<String> SPANISH_WORDS = Set.of("ALTO", "PARAR", "PARE", "BAJA", "AYUDA");

    /** "YES" counts as opting in only for a caller who is opted out; otherwise it is a normal reply. */
    public static Optional<SmsKeyword> of(String body, boolean senderOptedOut) {
        String word = body.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return Optional.of(OPT_OUT);
        }
        if (OPT_IN_WORDS.contains(word) && (senderOptedOut || !word.equals("YES"))) {
            return Optional.of(OPT_IN);
        }
        if (HELP_WORDS.contains(word)) {
            return Optional.of(HELP);
        }
        return Optional.empty();
    }

    /** The built-in opt-out and help words, which every tenant honours (opt-in words are not listed: they are fixed). */
    static List<SmsKeywords.Word> builtIn() {
        return java.util.stream.Stream.concat(
                OPT_OUT_WORDS.stream().sorted().map(w -> new SmsKeywords.Word(w, OPT_OUT, SPANISH_WORDS.contains(w), true)),
                HELP_WORDS.stream().sorted().map(w -> new SmsKeywords.Word(w, HELP, SPANISH_WORDS.contains(w), true))).toList();
    }

    /** Whether the keyword was said in Spanish, so the answer is in Spanish too. */
    public static boolean spanish(String body) {
        return SPANISH_WORDS.contains(body.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }
}
