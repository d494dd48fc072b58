package io.redial.receptionist.triage;

import org.jspecify.annotations.Nullable;

import io.redial.receptionist.ReceptionistProfile;
import io.redial.receptionist.reading.InjectedOrders;

import io.redial.leads.Urgency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Decides which triage rule a caller's text falls under, in layers: the code-enforced life-safety rules
 * ({@link LifeSafety}), then the tenant's keyword rules, then the semantic matcher, which may only raise a
 * text to an emergency. The same decision serves every turn and the console's "try a message".
 */
@Component
public class Triaging {

    private final TriageRules rules;
    private final SemanticTriage semantic;

    Triaging(TriageRules rules, SemanticTriage semantic) {
        this.rules = rules;
        this.semantic = semantic;
    }

    public Optional<TriageRule> rule(ReceptionistProfile profile, String caller) {
        String text = InjectedOrders.callersOwnWords(caller);
        List<TriageRule> own = rules.cached(profile.tenant());
        var hazard = LifeSafety.assess(text, profile.settings().safety());
        if (hazard.isPresent()) {
            return byCode(own, hazard.get().code());
        }
        Optional<TriageRule> keyword = Triage.keywordMatch(own, text);
        if (keyword.filter(r -> r.urgency() == Urgency.EMERGENCY).isPresent() || words(text) < 3) {
            return keyword;
        }
        Optional<TriageRule> meant = semantic.emergency(profile.tenant(), profile.trades(), text).flatMap(code -> byCode(own, code));
        return meant.isPresent() ? meant : keyword;
    }

    /**
     * The rule for this text, read together with what earlier texts said for the life-safety rules: "furnace quit
     * last night", then "it's 57 in here and I have a 3 week old", is one danger told in two texts. The earlier
     * texts are read only when this one alone is no emergency.
     */
    public Optional<TriageRule> withEarlierTexts(ReceptionistProfile profile, String text, Supplier<@Nullable String> earlier) {
        Optional<TriageRule> alone = rule(profile, text);
        if (alone.filter(r -> r.urgency() == Urgency.EMERGENCY).isPresent()) {
            return alone;
        }
        String before = earlier.get();
        if (before == null || before.equals(text)) {
            return alone;
        }
        var together = LifeSafety.assess(InjectedOrders.callersOwnWords(before + "\n" + text), profile.settings().safety());
        return together.isPresent() ? byCode(rules.cached(profile.tenant()), together.get().code()) : alone;
    }

    /** The tenant's version of the rule (its safety text), or the built-in one if the tenant switched it off. */
    private static Optional<TriageRule> byCode(List<TriageRule> own, String code) {
        return own.stream().filter(r -> r.code().equals(code)).findFirst()
                .or(() -> DefaultTriageRules.ALL.stream().filter(r -> r.code().equals(code)).findFirst());
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }
}
