package io.redial.receptionist.reading;

import java.text.Normalizer;
import java.util.Locale;

/** The languages Anna answers in. */
public enum Language {
    EN, ES;

    /**
     * The language of the caller's text, or {@code current} when the text does not tell (a name, an address, a
     * slot number): see {@link LanguageDetection}.
     */
    public static Language detect(String text, Language current) {
        return LanguageDetection.detect(text, current);
    }

    /** Loads the language-detector library's profiles now (about half a second) rather than on first use. */
    public static void loadProfiles() {
        LanguageDetection.load();
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
