package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guided setup after a CRM install or a tenant's first sign-in: where the tenant is in it (so leaving mid-way
 * resumes at the same step), and the few settings it writes that no other screen owns yet.
 */
@Service
public class Onboarding {

    /** The wizard's steps, in order. */
    public enum Step {
        BUSINESS, HOURS, LINE, TEMPLATE, ON_CALL, CRM, TEST_CALL;

        public Optional<Step> next() {
            return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
        }
    }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final OnCallRoster roster;
    private final Clock clock;

    Onboarding(JdbcClient jdbc, Tenants tenants, OnCallRoster roster, Clock clock) {
        this.roster = roster;
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The step to show: where the tenant left off, or the first. */
    public Step resumeAt(TenantId tenant) {
        return jdbc.sql("SELECT step FROM onboarding_progress WHERE tenant_id = ?").param(tenant.value())
                .query(String.class).optional().map(Step::valueOf).orElse(Step.BUSINESS);
    }

    /** True until the tenant finished (or skipped) the setup. */
    public boolean pending(TenantId tenant) {
        return jdbc.sql("SELECT 1 FROM onboarding_progress WHERE tenant_id = ? AND completed_at IS NOT NULL")
                .param(tenant.value()).query().optionalValue().isEmpty();
    }

    /** Started and left before the end: the console offers to continue. */
    public boolean inProgress(TenantId tenant) {
        return jdbc.sql("SELECT 1 FROM onboarding_progress WHERE tenant_id = ? AND completed_at IS NULL")
                .param(tenant.value()).query().optionalValue().isPresent();
    }

    public void reached(TenantId tenant, Step step) {
        upsert(tenant, step, null);
    }

    public void finish(TenantId tenant) {
        upsert(tenant, Step.TEST_CALL, now());
    }

    private void upsert(TenantId tenant, Step step, @Nullable LocalDateTime completedAt) {
        int updated = jdbc.sql("""
                UPDATE onboarding_progress SET step = ?, completed_at = COALESCE(completed_at, ?), updated_at = ?
                WHERE tenant_id = ?""").params(step.name(), completedAt, now(), tenant.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO onboarding_progress (tenant_id, step, completed_at, updated_at) VALUES (?, ?, ?, ?)""")
                    .params(tenant.value(), step.name(), completedAt, now()).update();
        }
    }

    /** Business name, trades, time zone, and what an average job of each trade is worth (for the dashboard). */
    @Transactional
    public void saveBusiness(TenantId tenant, String name, List<String> trades, ZoneId zone,
            Map<String, BigDecimal> jobValues) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("the business needs a name");
        }
        jdbc.sql("UPDATE tenants SET name = ?, trades = ?, timezone = ?, updated_at = ? WHERE id = ?")
                .params(name.trim(), String.join(",", trades), zone.getId(), now(), tenant.value()).update();
        jdbc.sql("DELETE FROM trade_job_values WHERE tenant_id = ?").param(tenant.value()).update();
        jobValues.forEach((trade, value) -> {
            if (trades.contains(trade) && value.signum() > 0) {
                jdbc.sql("INSERT INTO trade_job_values (tenant_id, trade, average_value) VALUES (?, ?, ?)")
                        .params(tenant.value(), trade, value).update();
            }
        });
        tenants.configurationChanged();
    }

    public Map<String, BigDecimal> jobValues(TenantId tenant) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("SELECT trade, average_value FROM trade_job_values WHERE tenant_id = ? ORDER BY trade")
                .param(tenant.value()).query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2))).list();
        return out;
    }

    /**
     * Sets how calls reach the tenant's line: its own Twilio number rings the team (dial), or the contractor's
     * carrier forwards unanswered calls from their business number (forwarded). A new number becomes a new line.
     *
     * @throws IllegalArgumentException when the number is another tenant's line
     */
    @Transactional
    public void saveLine(TenantId tenant, PhoneNumber number, CallPattern pattern, @Nullable PhoneNumber forwardedFrom) {
        Optional<PhoneLine> existing = tenants.lineByNumber(number);
        if (existing.isPresent() && !existing.get().tenantId().equals(tenant)) {
            throw new IllegalArgumentException(number.e164() + " is already in use");
        }
        String from = pattern == CallPattern.FORWARDED && forwardedFrom != null ? forwardedFrom.e164() : null;
        if (existing.isPresent()) {
            jdbc.sql("UPDATE phone_lines SET pattern = ?, forwarded_from = ? WHERE tenant_id = ? AND number = ?")
                    .params(pattern.key(), from, tenant.value(), number.e164()).update();
        } else {
            jdbc.sql("""
                    INSERT INTO phone_lines (tenant_id, number, pattern, forwarded_from, created_at)
                    VALUES (?, ?, ?, ?, ?)""").params(tenant.value(), number.e164(), pattern.key(), from, now()).update();
        }
        tenants.configurationChanged();
    }

    /**
     * The on-call ladder (paged in this order, names kept beside the numbers) and the time to acknowledge.
     *
     * @throws IllegalArgumentException for a number listed twice or a time outside 1 to 60 minutes
     */
    public void saveOnCall(TenantId tenant, List<OnCallRoster.Person> ladder, int ackMinutes) {
        roster.replace(tenant, ladder, ackMinutes);
    }

    public List<OnCallRoster.Person> onCall(TenantId tenant) {
        return roster.ladder(tenant);
    }

    public int onCallAckMinutes(TenantId tenant) {
        return jdbc.sql("SELECT on_call_ack_minutes FROM tenants WHERE id = ?").param(tenant.value())
                .query(Integer.class).single();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
