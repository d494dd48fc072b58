package io.redial.receptionist.triage;

import io.redial.receptionist.reading.Language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Applies triage rules and guesses the trade from the caller's words. Pure, so every turn can afford it. */
public final class Triage {

    private static final Map<String, Pattern> TRADES = new LinkedHashMap<>();

    static {
        TRADES.put("hvac", words("ac|a/c|air condition|air conditioning|furnace|heat|heater|heating|hvac|thermostat|"
                + "heat pump|cooling|duct|vent|carbon monoxide|aire|calefaccion|minisplit|mini split|condenser"));
        TRADES.put("plumbing", words("pipe|toilet|drain|sink|faucet|water heater|sewer|sewage|clog|plumb|shower|"
                + "tub|garbage disposal|leaky|tuberia|bano|drenaje|inodoro|lavabo|calentador de agua|no water|water softener|softener|"
                + "water pressure|shower valve|calentador|agua caliente|agua tibia"));
        TRADES.put("roofing", words("roof|shingle|gutter|skylight|flashing|tree|techo|tejado|gotera|teja"));
        TRADES.put("electrical", words("outlet|breaker|panel|wiring|wire|electric|electrical|light|lights|power|"
                + "switch|spark|generator|ev charger|enchufe|luz|electricidad|tablero|apagador|circuit|smoke detector|"
                + "ceiling fan|fixture|gfci|receptacle|electrician|exhaust fan|bath fan|bathroom fan|dimmer|doorbell"));
    }

    private Triage() {
    }

    /** The first rule (emergencies first) whose terms all match. */
    public static Optional<TriageRule> firstMatch(List<TriageRule> rules, String text) {
        String plain = Language.plain(text);
        return rules.stream().filter(r -> r.matches(plain)).findFirst();
    }

    /**
     * The first keyword rule that matches, leaving out the built-in emergency rules a tenant has not reworded:
     * those are decided by {@link LifeSafety}, which reads conditions and people, not single words.
     */
    public static Optional<TriageRule> keywordMatch(List<TriageRule> rules, String text) {
        String plain = Language.plain(text);
        return rules.stream().filter(r -> !codeEnforced(r)).filter(r -> r.matches(plain)).findFirst();
    }

    static boolean codeEnforced(TriageRule rule) {
        return DefaultTriageRules.ALL.stream().anyMatch(d -> d.code().equals(rule.code())
                && d.urgency() == io.redial.leads.Urgency.EMERGENCY && d.terms().equals(rule.terms()));
    }

    /** The trade whose words occur most, among the tenant's trades (all trades when it lists none). */
    public static @Nullable String trade(String text, List<String> tenantTrades) {
        String plain = Language.plain(text);
        String best = null;
        int bestHits = 0;
        for (var entry : TRADES.entrySet()) {
            if (!tenantTrades.isEmpty() && !tenantTrades.contains(entry.getKey())) {
                continue;
            }
            int hits = (int) entry.getValue().matcher(plain).results().count();
            if (hits > bestHits) {
                best = entry.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?<![a-z0-9ñ])(" + alternatives.replace("/", "\\/") + ")(?:s|es)?(?![a-z])");
    }
}
