package io.redial.receptionist.triage;

import io.redial.receptionist.ReceptionistProfiles;

import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The console's triage screen: every rule a tenant has (built-in, edited or added, switched off ones too),
 * validated edits, resets back to the defaults, and a "try a message" check that runs the very matching a turn
 * runs ({@link Triaging#rule}: the life-safety code rules, the tenant's keyword rules, then meaning).
 */
@Service
public class TriageSettings {

    public static final List<String> TRADES = List.of("hvac", "plumbing", "roofing", "electrical");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,58}");

    /** A rule as the screen lists it: whether it is built in, and whether the tenant changed it. */
    public record Entry(TriageRule rule, boolean builtIn, boolean edited) {
    }

    /** What "try a message" found: the rule that fires (if any) and the trade the words point to. */
    public record Trial(@Nullable TriageRule rule, @Nullable String trade) {
    }

    private final TriageRules rules;
    private final Triaging triaging;
    private final ReceptionistProfiles profiles;

    TriageSettings(TriageRules rules, Triaging triaging, ReceptionistProfiles profiles) {
        this.rules = rules;
        this.triaging = triaging;
        this.profiles = profiles;
    }

    /** All rules of a trade, emergencies first. */
    public List<Entry> rules(TenantId tenant, String trade) {
        Map<String, Entry> byCode = new LinkedHashMap<>();
        TriageRules.defaults().forEach(r -> byCode.put(r.code(), new Entry(r, true, false)));
        rules.own(tenant).forEach(r -> byCode.put(r.code(), new Entry(r, byCode.containsKey(r.code()), true)));
        List<Entry> entries = new ArrayList<>(byCode.values().stream().filter(e -> e.rule().trade().equals(trade)).toList());
        entries.sort(Comparator.comparing((Entry e) -> e.rule().urgency()).thenComparing(e -> e.rule().code()));
        return entries;
    }

    public Optional<TriageRule> builtIn(String code) {
        return TriageRules.defaults().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** Saves a new or edited rule after checking it; the receptionist applies it from its next turn. */
    public void save(TenantId tenant, TriageRule rule) {
        if (!CODE.matcher(rule.code()).matches()) {
            throw new IllegalArgumentException("Name the rule with lowercase letters, digits and dashes, e.g. ice-dam.");
        }
        if (!TRADES.contains(rule.trade())) {
            throw new IllegalArgumentException("Trade must be one of " + String.join(", ", TRADES) + ".");
        }
        if (rule.terms().isEmpty() || rule.terms().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("Give at least one word or phrase that makes the rule fire.");
        }
        if (rule.urgency() == Urgency.EMERGENCY && rule.routing() != Routing.ESCALATE && rule.routing() != Routing.HAND_OFF) {
            throw new IllegalArgumentException("An emergency must page the on-call ladder or go to a person, not just book.");
        }
        builtIn(rule.code()).filter(d -> !d.trade().equals(rule.trade())).ifPresent(d -> {
            throw new IllegalArgumentException("The built-in rule " + d.code() + " belongs to " + d.trade() + ".");
        });
        rules.save(tenant, new TriageRule(rule.code(), rule.trade(), rule.terms(), rule.urgency(), rule.routing(),
                blankToNull(rule.safetyEn()), blankToNull(rule.safetyEs()), blankToNull(rule.questionEn()),
                blankToNull(rule.questionEs()), rule.enabled()));
    }

    /** A built-in rule goes back to its default; a rule the tenant added is deleted. */
    public void reset(TenantId tenant, String code) {
        rules.remove(tenant, code);
    }

    /** Every built-in rule of the trade goes back to its default; the tenant's own additions stay. */
    public void resetTrade(TenantId tenant, String trade) {
        Set<String> defaults = Set.copyOf(TriageRules.defaults().stream().filter(r -> r.trade().equals(trade))
                .map(TriageRule::code).toList());
        rules.own(tenant).stream().map(TriageRule::code).filter(defaults::contains).forEach(code -> rules.remove(tenant, code));
    }

    public Trial tryMessage(TenantId tenant, List<String> tenantTrades, String text) {
        rules.forget(tenant); // the screen shows the effect of an edit just saved
        TriageRule rule = profiles.find(tenant).flatMap(p -> triaging.rule(p, text)).orElse(null);
        return new Trial(rule, rule != null ? rule.trade() : Triage.trade(text, tenantTrades));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
