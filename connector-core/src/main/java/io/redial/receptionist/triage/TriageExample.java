package io.redial.receptionist.triage;

import org.jspecify.annotations.Nullable;

/** One example text for the semantic matcher: an emergency (with the rule whose safety text applies) or routine. */
public record TriageExample(String trade, @Nullable String ruleCode, String text) {

    public boolean emergency() {
        return ruleCode != null;
    }
}
