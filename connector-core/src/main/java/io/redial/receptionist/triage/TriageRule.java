package io.redial.receptionist.triage;

import io.redial.receptionist.reading.Language;

import io.redial.leads.Urgency;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One per-trade triage rule: when every group of terms matches the caller's words (any term of a group,
 * at the start of a word), it sets the urgency, the safety text sent first, the question to ask and the
 * routing. Terms are written in {@link Language#plain} form.
 */
public record TriageRule(String code, String trade, List<List<String>> terms, Urgency urgency, Routing routing,
        @Nullable String safetyEn, @Nullable String safetyEs, @Nullable String questionEn,
        @Nullable String questionEs, boolean enabled) {

    /** Parses "a|b;c|d": every ';'-group must match, any '|'-term of a group will do. */
    public static List<List<String>> terms(String spec) {
        return Arrays.stream(spec.split(";")).map(String::trim).filter(g -> !g.isEmpty())
                .map(g -> Arrays.stream(g.split("\\|")).map(t -> Language.plain(t.trim())).filter(t -> !t.isEmpty()).toList())
                .toList();
    }

    public String termSpec() {
        return String.join(";", terms.stream().map(g -> String.join("|", g)).toList());
    }

    public boolean matches(String plainText) {
        return !terms.isEmpty() && terms.stream().allMatch(group -> group.stream().anyMatch(t -> startsWord(plainText, t)));
    }

    public @Nullable String safety(Language language) {
        return language == Language.ES && safetyEs != null ? safetyEs : safetyEn;
    }

    public @Nullable String question(Language language) {
        return language == Language.ES && questionEs != null ? questionEs : questionEn;
    }

    public static boolean startsWord(String text, String term) {
        return WORD_STARTS.computeIfAbsent(term, t -> Pattern.compile("(?<![a-z0-9ñ])" + Pattern.quote(t))).matcher(text).find();
    }

    private static final java.util.Map<String, Pattern> WORD_STARTS = new java.util.concurrent.ConcurrentHashMap<>();
}
