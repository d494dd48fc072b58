package io.redial.receptionist;

import io.redial.receptionist.triage.SafetyThresholds;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import io.redial.shared.geo.ServiceRadius;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads tenant profiles for Anna and stores the tenant's receptionist settings. */
@Repository
public class ReceptionistProfiles {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TtlCache<TenantId, Optional<ReceptionistProfile>> cache;

    ReceptionistProfiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.cache = new TtlCache<>(java.time.Duration.ofSeconds(5), clock);
    }

    /** As {@link #find}, from a short-lived cache: what every turn reads. */
    public Optional<ReceptionistProfile> cached(TenantId tenant) {
        return cache.get(tenant, this::find);
    }

    public Optional<ReceptionistProfile> find(TenantId tenant) {
        ReceptionistSettings settings = settings(tenant);
        return jdbc.sql("SELECT * FROM tenants WHERE id = ?").param(tenant.value())
                .query((rs, n) -> new ReceptionistProfile(tenant, rs.getString("name"),
                        ZoneId.of(rs.getString("timezone")), csv(rs.getString("trades")), prices(rs.getString("prices")),
                        serviceArea(rs.getString("service_area_zips"), rs.getString("service_area_radius")),
                        csv(rs.getString("on_call")).stream().map(PhoneNumber::new).toList(),
                        rs.getInt("on_call_ack_minutes"), settings))
                .optional();
    }

    public ReceptionistSettings settings(TenantId tenant) {
        return jdbc.sql("SELECT * FROM receptionist_settings WHERE tenant_id = ?").param(tenant.value())
                .query((rs, n) -> new ReceptionistSettings(rs.getBoolean("disclosure"), rs.getInt("turn_cap"),
                        rs.getInt("idle_minutes"), rs.getInt("daily_capacity"), rs.getInt("booking_days_ahead"),
                        rs.getString("disclosure_text"), rs.getInt("arrival_window_hours"), new SafetyThresholds(
                                rs.getInt("vulnerable_heat_below"), rs.getInt("vulnerable_cool_above"),
                                rs.getInt("outdoor_cold_below"), rs.getInt("outdoor_hot_above"),
                                rs.getInt("anyone_heat_below"), rs.getInt("anyone_cool_above"))))
                .optional().orElse(ReceptionistSettings.DEFAULTS);
    }

    public void saveSettings(TenantId tenant, ReceptionistSettings s) {
        cache.invalidate(tenant);
        boolean stored = jdbc.sql("SELECT COUNT(*) FROM receptionist_settings WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single() > 0;
        if (stored && settings(tenant).equals(s)) {
            return; // unchanged: not even the timestamp moves
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("""
                UPDATE receptionist_settings SET disclosure = ?, turn_cap = ?, idle_minutes = ?, daily_capacity = ?,
                       booking_days_ahead = ?, disclosure_text = ?, arrival_window_hours = ?, vulnerable_heat_below = ?,
                       vulnerable_cool_above = ?, outdoor_cold_below = ?, outdoor_hot_above = ?, anyone_heat_below = ?,
                       anyone_cool_above = ?, updated_at = ? WHERE tenant_id = ?""")
                .params(s.disclosure(), s.turnCap(), s.idleMinutes(), s.dailyCapacity(), s.bookingDaysAhead(),
                        s.disclosureText(), s.arrivalWindowHours(), s.safety().vulnerableHeatBelow(),
                        s.safety().vulnerableCoolAbove(), s.safety().outdoorColdBelow(), s.safety().outdoorHotAbove(),
                        s.safety().anyoneHeatBelow(), s.safety().anyoneCoolAbove(), now, tenant.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO receptionist_settings (tenant_id, disclosure, turn_cap, idle_minutes, daily_capacity,
                                                       booking_days_ahead, disclosure_text, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), s.disclosure(), s.turnCap(), s.idleMinutes(), s.dailyCapacity(),
                            s.bookingDaysAhead(), s.disclosureText(), now).update();
            saveSettings(tenant, s); // the columns with defaults follow in the UPDATE above
        }
    }

    /** Someone changed the tenant's row (prices, on-call): the next turn reads it afresh. */
    public void forget(TenantId tenant) {
        cache.invalidate(tenant);
    }

    private static ServiceArea serviceArea(@Nullable String zips, @Nullable String radius) {
        return new ServiceArea(csv(zips), radius == null || radius.isBlank() ? null : ServiceRadius.parse(radius));
    }

    private static Map<String, BigDecimal> prices(@Nullable String csv) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        for (String pair : csv(csv)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq).trim(), new BigDecimal(pair.substring(eq + 1).trim()));
            }
        }
        return out;
    }

    private static List<String> csv(@Nullable String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }
}
