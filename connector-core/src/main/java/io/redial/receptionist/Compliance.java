package io.redial.receptionist;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.Callers;
import io.redial.tenants.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's compliance screen: who opted out (re-opt-in only by the caller texting START), the blocklist,
 * staff numbers (never texted back), the automated-assistant disclosure and the prices Anna may quote.
 * Numbers are checked as E.164; every change is scoped to the tenant and seen by the next call or turn.
 */
@Service
public class Compliance {

    public record OptOut(PhoneNumber phone, Instant at) {
    }

    public record Blocked(PhoneNumber phone, @Nullable String reason, Instant at) {
    }

    public record Disclosure(boolean on, @Nullable String text) {
    }

    private final JdbcClient jdbc;
    private final Callers callers;
    private final Tenants tenants;
    private final ReceptionistProfiles profiles;
    private final Clock clock;

    Compliance(JdbcClient jdbc, Callers callers, Tenants tenants, ReceptionistProfiles profiles, Clock clock) {
        this.jdbc = jdbc;
        this.callers = callers;
        this.tenants = tenants;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Opted-out callers, newest first; {@code search} matches any part of the number. */
    public List<OptOut> optOuts(TenantId tenant, String search) {
        String digits = search.replaceAll("[^0-9]", "");
        return jdbc.sql("""
                SELECT phone, opted_out_at FROM callers WHERE tenant_id = ? AND opted_out_at IS NOT NULL AND phone LIKE ?
                ORDER BY opted_out_at DESC LIMIT 500""")
                .params(tenant.value(), "%" + digits + "%")
                .query((rs, n) -> new OptOut(new PhoneNumber(rs.getString(1)),
                        rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC))).list();
    }

    /** A manual opt-out, e.g. a caller who asked on the phone. Only the caller texting START opts back in. */
    @Transactional
    public PhoneNumber optOut(TenantId tenant, String number) {
        PhoneNumber phone = number(number);
        callers.optOut(tenant, callers.idOf(tenant, phone));
        return phone;
    }

    public List<Blocked> blocklist(TenantId tenant) {
        return jdbc.sql("SELECT phone, reason, created_at FROM blocklist WHERE tenant_id = ? ORDER BY created_at DESC")
                .param(tenant.value())
                .query((rs, n) -> new Blocked(new PhoneNumber(rs.getString(1)), rs.getString(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC))).list();
    }

    public PhoneNumber block(TenantId tenant, String number, @Nullable String reason) {
        PhoneNumber phone = number(number);
        jdbc.sql("INSERT IGNORE INTO blocklist (tenant_id, phone, reason, created_at) VALUES (?, ?, ?, ?)")
                .params(tenant.value(), phone.e164(), reason == null || reason.isBlank() ? null : reason.strip(), now())
                .update();
        return phone;
    }

    public void unblock(TenantId tenant, PhoneNumber phone) {
        jdbc.sql("DELETE FROM blocklist WHERE tenant_id = ? AND phone = ?").params(tenant.value(), phone.e164()).update();
    }

    public List<PhoneNumber> staff(TenantId tenant) {
        return tenants.find(tenant).map(t -> t.staff()).orElse(List.of());
    }

    @Transactional
    public PhoneNumber addStaff(TenantId tenant, String number) {
        PhoneNumber phone = number(number);
        List<PhoneNumber> staff = new ArrayList<>(staff(tenant));
        if (!staff.contains(phone)) {
            staff.add(phone);
            saveStaff(tenant, staff);
        }
        return phone;
    }

    @Transactional
    public void removeStaff(TenantId tenant, PhoneNumber phone) {
        List<PhoneNumber> staff = new ArrayList<>(staff(tenant));
        if (staff.remove(phone)) {
            saveStaff(tenant, staff);
        }
    }

    public Disclosure disclosure(TenantId tenant) {
        ReceptionistSettings s = profiles.settings(tenant);
        return new Disclosure(s.disclosure(), s.disclosureText());
    }

    /** Blank text keeps the built-in words ("This is {business}'s automated assistant"). */
    public void saveDisclosure(TenantId tenant, boolean on, @Nullable String text) {
        String own = text == null || text.isBlank() ? null : text.strip();
        if (own != null && own.length() > 160) {
            throw new IllegalArgumentException("Keep the disclosure to one short sentence (160 characters at most).");
        }
        profiles.saveSettings(tenant, profiles.settings(tenant).withDisclosure(on, own));
    }

    /** The prices Anna may quote, in the order they were added. */
    public Map<String, BigDecimal> prices(TenantId tenant) {
        return profiles.find(tenant).map(ReceptionistProfile::prices).orElse(Map.of());
    }

    @Transactional
    public void setPrice(TenantId tenant, String name, @Nullable BigDecimal amount) {
        String label = name.strip().toLowerCase().replaceAll("\\s+", "_");
        if (!label.matches("[a-z][a-z0-9_]{1,39}")) {
            throw new IllegalArgumentException("Name the price with letters, digits and spaces, e.g. \"diagnostic fee\".");
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(new BigDecimal("100000")) >= 0) {
            throw new IllegalArgumentException("Give the amount in dollars and cents, e.g. 89 or 89.50.");
        }
        Map<String, BigDecimal> prices = new LinkedHashMap<>(prices(tenant));
        prices.put(label, amount.setScale(2));
        savePrices(tenant, prices);
    }

    @Transactional
    public void removePrice(TenantId tenant, String name) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>(prices(tenant));
        if (prices.remove(name) != null) {
            savePrices(tenant, prices);
        }
    }

    private void saveStaff(TenantId tenant, List<PhoneNumber> staff) {
        jdbc.sql("UPDATE tenants SET staff = ?, updated_at = ? WHERE id = ?")
                .params(staff.stream().map(PhoneNumber::e164).collect(Collectors.joining(",")), now(), tenant.value())
                .update();
        tenants.configurationChanged();
    }

    private void savePrices(TenantId tenant, Map<String, BigDecimal> prices) {
        jdbc.sql("UPDATE tenants SET prices = ?, updated_at = ? WHERE id = ?")
                .params(prices.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                        .collect(Collectors.joining(",")), now(), tenant.value())
                .update();
        profiles.forget(tenant);
    }

    private static PhoneNumber number(String typed) {
        return io.redial.tenants.LineSettings.number(typed);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
