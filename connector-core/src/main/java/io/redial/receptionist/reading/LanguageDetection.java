package io.redial.receptionist.reading;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tells English from Spanish in a caller's text, in two layers. First the words people text a contractor with:
 * when two or more of one language's marker words outnumber the other's, that decides — this is what keeps
 * Spanglish ("el heater no prende") Spanish, where n-grams see English nouns. Otherwise the n-gram profiles of
 * the language-detector library judge texts with enough ordinary words ("calentador descompuesto otra vez"),
 * and a text too short to tell (a name, an address, "el 2") leaves the conversation's language as it was.
 */
final class LanguageDetection {

    private static final Set<String> SPANISH = words("hola", "tengo", "tenemos", "mi", "casa", "gracias", "por",
            "favor", "necesito", "agua", "fuga", "olor", "huele", "funciona", "calefaccion", "aire", "techo", "luz",
            "que", "es", "esta", "el", "la", "los", "las", "una", "un", "de", "del", "y", "con", "no", "hay", "se",
            "cuanto", "cuesta", "precio", "llamo", "soy", "mañana", "manana", "hoy", "ayuda", "urgente", "gotera",
            "electricidad", "chispas", "humo", "inundacion", "tuberia", "baño", "bano", "cocina", "buenas", "dias",
            "tardes", "senor", "señor", "quiero", "puede", "pueden", "venir", "numero", "equivocado", "si",
            // the commonest Spanish function words and verbs, so Spanglish with English nouns still reads as Spanish
            "para", "pero", "como", "muy", "ya", "mas", "sin", "sobre", "cuando", "donde", "porque", "tambien", "nos", "le",
            "les", "lo", "su", "sus", "este", "eso", "esto", "algo", "nada", "mucho", "poco", "otro", "otra", "todo",
            "estoy", "estan", "hace", "tiene", "sirve", "prende", "enfria", "anda", "sale", "salen", "entra", "cita",
            "necesitamos", "podrian", "vivo", "revisar", "arreglar", "cambiar", "cancelar", "cobran", "bien", "mal",
            "frio", "calor", "adentro", "afuera", "tubo", "enchufe", "lavabo", "inodoro", "drenaje", "llave", "abuela",
            "bebe", "hijo", "hija", "esposa", "esposo", "semana", "lunes", "martes", "miercoles", "jueves", "viernes",
            "sabado", "domingo", "tarde", "temprano", "nadie", "llamen", "solo", "mejor", "cotizacion");
    private static final Set<String> ENGLISH = words("the", "my", "is", "and", "have", "need", "please", "hi",
            "hello", "thanks", "water", "leak", "smell", "gas", "not", "working", "can", "you", "we", "it", "a",
            "an", "of", "to", "in", "what", "how", "much", "this", "yes", "our", "house", "home", "heat", "ac",
            "i", "im", "its", "it's", "at", "on", "for", "with", "from", "your", "you're", "there", "theres", "are",
            "was", "be", "do", "does", "dont", "did", "will", "would", "could", "should", "me", "just", "some", "any",
            "when", "where", "who", "why", "tomorrow", "today", "morning", "afternoon", "pls", "thx", "asap");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-zñ]+");
    private static final Pattern TOKEN = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}¿¡]+|[\\p{Punct}¿¡]+$");
    private static final Pattern LETTERS = Pattern.compile("[a-zñ]+");
    /** Below these the n-grams guess: names, street names and one-word answers read as either language. */
    private static final int MIN_ORDINARY_WORDS = 3;
    private static final int MIN_ORDINARY_LETTERS = 12;
    private static final double MIN_PROBABILITY = 0.90;

    private LanguageDetection() {
    }

    static Language detect(String text, Language current) {
        int es = 0;
        int en = 0;
        for (String w : NOT_A_LETTER.split(Language.plain(text))) {
            if (SPANISH.contains(w)) {
                es++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        if (es >= 2 && es > en) {
            return Language.ES;
        }
        if (en >= 2 && en > es) {
            return Language.EN;
        }
        return byNgrams(text, current);
    }

    /** The library's verdict on the text's ordinary words, when there are enough of them and it is sure. */
    private static Language byNgrams(String text, Language current) {
        String ordinary = ordinaryWords(text);
        if (ordinary.isEmpty() || ordinary.split(" ").length < MIN_ORDINARY_WORDS
                || ordinary.replace(" ", "").length() < MIN_ORDINARY_LETTERS) {
            return current;
        }
        List<DetectedLanguage> found = Profiles.DETECTOR.getProbabilities(Profiles.TEXTS.forText(ordinary));
        if (found.isEmpty() || found.getFirst().getProbability() < MIN_PROBABILITY) {
            return current;
        }
        return Language.of(found.getFirst().getLocale().getLanguage());
    }

    /**
     * The words that say something about the language: lower-case words of letters only. Capitalised words past
     * the first are names and street names ("Rosa Diaz", "E Oltorf St"), which read as either language.
     */
    static String ordinaryWords(String text) {
        String[] tokens = TOKEN.split(text.strip());
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < tokens.length; i++) {
            if (i > 0 && !tokens[i].isEmpty() && Character.isUpperCase(tokens[i].codePointAt(0))) {
                continue;
            }
            String word = EDGE_PUNCTUATION.matcher(Language.plain(tokens[i])).replaceAll("");
            if (word.length() >= 2 && LETTERS.matcher(word).matches()) { // not "78741", "4b", "$45"
                kept.append(kept.isEmpty() ? "" : " ").append(word);
            }
        }
        return kept.toString();
    }

    /** Warms the n-gram profiles (half a second), so the first caller's turn does not pay for it. */
    static void load() {
        Objects.requireNonNull(Profiles.DETECTOR);
    }

    private static Set<String> words(String... words) {
        return Stream.of(words).collect(Collectors.toUnmodifiableSet());
    }

    /** Loaded once per JVM: the library's built-in English and Spanish profiles. */
    private static final class Profiles {
        static final TextObjectFactory TEXTS = CommonTextObjectFactories.forDetectingShortCleanText();
        static final LanguageDetector DETECTOR;

        static {
            try {
                DETECTOR = LanguageDetectorBuilder.create(NgramExtractors.standard())
                        .withProfiles(new LanguageProfileReader().readBuiltIn(
                                List.of(LdLocale.fromString("en"), LdLocale.fromString("es"))))
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("the language-detector library's built-in profiles are missing", e);
            }
        }
    }
}
