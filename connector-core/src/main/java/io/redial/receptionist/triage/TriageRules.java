package io.redial.receptionist.triage;

import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A tenant's triage rules: the built-in defaults, replaced, switched off or extended by the tenant's rows. */
@Repository
public class TriageRules {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TtlCache<TenantId, List<TriageRule>> cache;

    TriageRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new TtlCache<>(java.time.Duration.ofSeconds(5), clock);
    }

    /** As {@link #forTenant}, from a short-lived cache: what every turn reads. */
    public List<TriageRule> cached(TenantId tenant) {
        return cache.get(tenant, this::forTenant);
    }

    public void forget(TenantId tenant) {
        cache.invalidate(tenant);
    }

    /** The enabled rules, emergencies first, defaults before the tenant's additions of the same urgency. */
    public List<TriageRule> forTenant(TenantId tenant) {
        Map<String, TriageRule> byCode = new LinkedHashMap<>();
        DefaultTriageRules.ALL.forEach(r -> byCode.put(r.code(), r));
        own(tenant).forEach(r -> byCode.put(r.code(), r));
        List<TriageRule> rules = new ArrayList<>(byCode.values().stream().filter(TriageRule::enabled).toList());
        rules.sort(Comparator.comparing(TriageRule::urgency));
        return rules;
    }

    /** Adds or replaces the tenant's rule with this code (a default's code overrides the default). */
    public void save(TenantId tenant, TriageRule rule) {
        cache.invalidate(tenant);
        int updated = jdbc.sql("""
                UPDATE triage_rules SET trade = ?, match_terms = ?, urgency = ?, routing = ?, safety_en = ?, safety_es = ?,
                       question_en = ?, question_es = ?, enabled = ?, updated_at = ?
                WHERE tenant_id = ? AND code = ?""")
                .params(rule.trade(), rule.termSpec(), rule.urgency().name(), rule.routing().name(), rule.safetyEn(),
                        rule.safetyEs(), rule.questionEn(), rule.questionEs(), rule.enabled(), now(), tenant.value(),
                        rule.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO triage_rules (tenant_id, code, trade, match_terms, urgency, routing, safety_en, safety_es,
                                              question_en, question_es, enabled, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), rule.code(), rule.trade(), rule.termSpec(), rule.urgency().name(),
                            rule.routing().name(), rule.safetyEn(), rule.safetyEs(), rule.questionEn(),
                            rule.questionEs(), rule.enabled(), now())
                    .update();
        }
    }

    /** The tenant's own rows, switched-off ones included: edits of defaults and the tenant's additions. */
    public List<TriageRule> own(TenantId tenant) {
        return jdbc.sql("SELECT * FROM triage_rules WHERE tenant_id = ? ORDER BY id").param(tenant.value())
                .query((rs, n) -> new TriageRule(rs.getString("code"), rs.getString("trade"),
                        TriageRule.terms(rs.getString("match_terms")), Urgency.valueOf(rs.getString("urgency")),
                        Routing.valueOf(rs.getString("routing")), rs.getString("safety_en"), rs.getString("safety_es"),
                        rs.getString("question_en"), rs.getString("question_es"), rs.getBoolean("enabled")))
                .list();
    }

    /** Drops the tenant's row for this code: a default comes back as built, an addition is gone. */
    public void remove(TenantId tenant, String code) {
        cache.invalidate(tenant);
        jdbc.sql("DELETE FROM triage_rules WHERE tenant_id = ? AND code = ?").params(tenant.value(), code).update();
    }

    /** The built-in rules, for the console to show beside the tenant's own. */
    public static List<TriageRule> defaults() {
        return DefaultTriageRules.ALL;
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
