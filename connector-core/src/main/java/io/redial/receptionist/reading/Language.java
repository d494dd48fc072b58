package io.redial.receptionist.reading;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The languages Anna answers in, and a cheap detector good enough for short texts. */
public enum Language {
    EN, ES;

    private static final Set<String> SPANISH = words("hola", "tengo", "tenemos", "mi", "casa", "gracias", "por",
            "favor", "necesito", "agua", "fuga", "olor", "huele", "funciona", "calefaccion", "aire", "techo", "luz",
            "que", "es", "esta", "el", "la", "los", "las", "una", "un", "de", "del", "y", "con", "no", "hay", "se",
            "cuanto", "cuesta", "precio", "llamo", "soy", "mañana", "manana", "hoy", "ayuda", "urgente", "gotera",
            "electricidad", "chispas", "humo", "inundacion", "tuberia", "baño", "bano", "cocina", "buenas", "dias",
            "tardes", "senor", "señor", "quiero", "puede", "pueden", "venir", "numero", "equivocado", "si",
            // the commonest Spanish function words and verbs, so Spanglish with English nouns still reads as Spanish
            "para", "pero", "como", "muy", "ya", "mas", "sin", "sobre", "cuando", "donde", "porque", "tambien", "nos", "le",
            "les", "lo", "su", "sus", "este", "esta", "eso", "esto", "algo", "nada", "mucho", "poco", "otro", "otra", "todo",
            "estoy", "estan", "esta", "hace", "tiene", "sirve", "prende", "enfria", "anda", "sale", "salen", "entra", "cita",
            "necesitamos", "podrian", "vivo", "revisar", "arreglar", "cambiar", "cancelar", "cuanto", "cobran", "bien", "mal",
            "frio", "calor", "adentro", "afuera", "tubo", "enchufe", "lavabo", "inodoro", "drenaje", "llave", "abuela",
            "bebe", "hijo", "hija", "esposa", "esposo", "semana", "lunes", "martes", "miercoles", "jueves", "viernes",
            "sabado", "domingo", "tarde", "temprano", "nadie", "llamen", "solo", "mejor", "cotizacion");
    private static final Set<String> ENGLISH = words("the", "my", "is", "and", "have", "need", "please", "hi",
            "hello", "thanks", "water", "leak", "smell", "gas", "not", "working", "can", "you", "we", "it", "a",
            "an", "of", "to", "in", "what", "how", "much", "this", "yes", "our", "house", "home", "heat", "ac",
            "i", "im", "its", "it's", "at", "on", "for", "with", "from", "your", "you're", "there", "theres", "is", "are",
            "was", "be", "do", "does", "dont", "did", "will", "would", "could", "should", "me", "just", "some", "any",
            "when", "where", "who", "why", "tomorrow", "today", "morning", "afternoon", "pls", "thx", "asap", "need");
    private static final Pattern WORD = Pattern.compile("[^a-zñ]+");

    /** Spanish when Spanish marker words clearly outnumber English ones, else {@code current}. */
    public static Language detect(String text, Language current) {
        int es = 0;
        int en = 0;
        for (String w : WORD.split(plain(text))) {
            if (SPANISH.contains(w)) {
                es++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        if (es >= 2 && es > en) {
            return ES;
        }
        if (en >= 2 && en > es) {
            return EN;
        }
        return current;
    }

    private static Set<String> words(String... words) {
        return java.util.stream.Stream.of(words).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Lower case without accents (ñ kept), so "calefacción" and "calefaccion" match alike. */
    public static String plain(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ñ', '\u0001');
        String stripped = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.replace('\u0001', 'ñ');
    }

    public static Language of(String code) {
        return "es".equalsIgnoreCase(code) ? ES : EN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
