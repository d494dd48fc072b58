package io.redial.tenants.provisioning;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenants;
import io.redial.tenants.TextBackTemplates;
import io.redial.tenants.WeeklyHours;
import java.sql.Time;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies tenant specs to the database, keyed by tenant id and line number. A row is written only when
 * it differs from the spec, so applying the same file twice changes nothing (not even timestamps). What is
 * missing is created; a setting that exists is set from the file only when the file says something new about
 * it ({@link FileSnapshot}), so what an admin changed in the console survives a restart with the same file.
 */
@Service
public class Provisioner {

    private static final Logger log = LoggerFactory.getLogger(Provisioner.class);

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final Clock clock;

    Provisioner(JdbcClient jdbc, Tenants tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** @return how many rows were inserted, updated or deleted */
    @Transactional
    public int apply(List<TenantSpec> specs) {
        int changes = 0;
        for (TenantSpec spec : specs) {
            FileSnapshot file = FileSnapshot.of(jdbc, spec.id().value());
            changes += tenant(spec, file) + lines(spec, file) + hours(spec, file) + holidays(spec, file)
                    + templates(spec, file) + blocklist(spec) + messagingServicePaces(spec);
            file.save();
        }
        log.info("provisioned {} tenant(s), {} row change(s)", specs.size(), changes);
        if (changes > 0) {
            tenants.configurationChanged();
        }
        return changes;
    }

    private int tenant(TenantSpec t, FileSnapshot file) {
        Map<String, Object> desired = new HashMap<>();
        desired.put("name", t.name());
        desired.put("timezone", t.zone().getId());
        desired.put("trades", String.join(",", t.trades()));
        desired.put("service_area_zips", String.join(",", t.serviceAreaZips()));
        desired.put("service_area_radius", t.serviceAreaRadius() == null ? null : t.serviceAreaRadius().encoded());
        desired.put("prices", t.prices().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toPlainString()).collect(Collectors.joining(",")));
        desired.put("on_call", csv(t.onCall()));
        desired.put("on_call_ack_minutes", t.onCallAckMinutes());
        desired.put("staff", csv(t.staff()));
        desired.put("hang_up_threshold_seconds", t.textBack().hangUpThresholdSeconds());
        desired.put("dedupe_window_hours", t.textBack().dedupeWindowHours());
        desired.put("reject_failed_caller_id", t.textBack().rejectFailedCallerId());
        desired.put("served_countries", String.join(",", t.textBack().servedCountries()));
        desired.put("booking_link", t.textBack().bookingLink());
        desired.put("messaging_service_sid", t.textBack().messagingServiceSid());
        desired.put("sends_per_minute", t.textBack().sendsPerMinute());
        desired.put("line_type_lookup", t.textBack().lineTypeLookup());

        Optional<Map<String, Object>> current = jdbc.sql("""
                SELECT name, timezone, trades, service_area_zips, service_area_radius, prices, on_call, on_call_ack_minutes, staff,
                       hang_up_threshold_seconds, dedupe_window_hours, reject_failed_caller_id, served_countries,
                       booking_link, messaging_service_sid, sends_per_minute, line_type_lookup
                FROM tenants WHERE id = ?""").param(t.id().value()).query().listOfRows().stream().findFirst();
        LocalDateTime now = now();
        if (current.isEmpty()) {
            desired.forEach((column, value) -> file.fileSets("tenant." + column, normalise(value)));
            return jdbc.sql("""
                    INSERT INTO tenants (id, name, timezone, trades, service_area_zips, service_area_radius, prices, on_call,
                                         on_call_ack_minutes, staff, hang_up_threshold_seconds, dedupe_window_hours,
                                         reject_failed_caller_id, served_countries, booking_link,
                                         messaging_service_sid, sends_per_minute, line_type_lookup, created_at,
                                         updated_at)
                    VALUES (:id, :name, :timezone, :trades, :service_area_zips, :service_area_radius, :prices, :on_call,
                            :on_call_ack_minutes, :staff, :hang_up_threshold_seconds, :dedupe_window_hours,
                            :reject_failed_caller_id, :served_countries, :booking_link, :messaging_service_sid,
                            :sends_per_minute, :line_type_lookup, :now, :now)""")
                    .params(desired).param("id", t.id().value()).param("now", now).update();
        }
        Map<String, Object> changed = fileChanges(current.get(), desired, file, "tenant.");
        if (changed.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE tenants SET " + assignments(changed) + ", updated_at = :now WHERE id = :id")
                .params(changed).param("id", t.id().value()).param("now", now).update();
    }

    /** The file owns the paces of its Messaging Services (the console has no editor for them). */
    private int messagingServicePaces(TenantSpec t) {
        int changes = 0;
        for (var pace : t.messagingServicePaces().entrySet()) {
            Optional<Integer> current = jdbc.sql("""
                    SELECT sends_per_minute FROM messaging_service_paces WHERE tenant_id = ? AND messaging_service_sid = ?""")
                    .params(t.id().value(), pace.getKey()).query(Integer.class).optional();
            if (current.isEmpty() || !current.get().equals(pace.getValue())) {
                changes += jdbc.sql("""
                        INSERT INTO messaging_service_paces (tenant_id, messaging_service_sid, sends_per_minute)
                        VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE sends_per_minute = VALUES(sends_per_minute)""")
                        .params(t.id().value(), pace.getKey(), pace.getValue()).update() > 0 ? 1 : 0;
            }
        }
        return changes;
    }

    /** The settings the file sets anew and the database does not hold yet. */
    private static Map<String, Object> fileChanges(Map<String, Object> current, Map<String, Object> desired,
            FileSnapshot file, String prefix) {
        Map<String, Object> changed = new HashMap<>();
        desired.forEach((column, value) -> {
            if (file.fileSets(prefix + column, normalise(value))
                    && !Objects.equals(normalise(current.get(column)), normalise(value))) {
                changed.put(column, value);
            }
        });
        return changed;
    }

    /** {@code a = :a, b = :b} for our own column names (never input). */
    private static String assignments(Map<String, Object> columns) {
        return columns.keySet().stream().sorted().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
    }

    private int lines(TenantSpec t, FileSnapshot file) {
        int changes = 0;
        for (TenantSpec.LineSpec line : t.lines()) {
            Map<String, Object> desired = new HashMap<>();
            desired.put("pattern", line.pattern().key());
            desired.put("forwarded_from", line.forwardedFrom() == null ? null : line.forwardedFrom().e164());
            desired.put("ring_list", csv(line.ring()));
            desired.put("ring_timeout_seconds", line.ringTimeoutSeconds());
            desired.put("screening", line.screening());
            desired.put("ring_strategy", line.ringInOrder() ? "sequential" : "simultaneous");
            desired.put("messaging_service_sid", line.messagingServiceSid());
            desired.put("sends_per_minute", line.sendsPerMinute());

            Optional<Map<String, Object>> current = jdbc.sql("""
                    SELECT tenant_id, pattern, forwarded_from, ring_list, ring_timeout_seconds, screening, ring_strategy,
                           messaging_service_sid, sends_per_minute
                    FROM phone_lines WHERE number = ?""").param(line.number().e164())
                    .query().listOfRows().stream().findFirst();
            if (current.isPresent() && !t.id().value().equals(current.get().get("tenant_id"))) {
                throw new ProvisioningException("line " + line.number().e164() + " already belongs to tenant "
                        + current.get().get("tenant_id"));
            }
            String prefix = "line." + line.number().e164() + ".";
            if (current.isEmpty()) {
                desired.forEach((column, value) -> file.fileSets(prefix + column, normalise(value)));
                changes += jdbc.sql("""
                        INSERT INTO phone_lines (tenant_id, number, pattern, forwarded_from, ring_list,
                                                 ring_timeout_seconds, screening, ring_strategy, messaging_service_sid,
                                                 sends_per_minute, created_at)
                        VALUES (:tenant, :number, :pattern, :forwarded_from, :ring_list, :ring_timeout_seconds,
                                :screening, :ring_strategy, :messaging_service_sid, :sends_per_minute, :now)""")
                        .params(desired).param("tenant", t.id().value())
                        .param("number", line.number().e164()).param("now", now()).update();
                continue;
            }
            Map<String, Object> changed = fileChanges(current.get(), desired, file, prefix);
            if (!changed.isEmpty()) {
                changes += jdbc.sql("UPDATE phone_lines SET " + assignments(changed)
                                + " WHERE number = :number AND tenant_id = :tenant")
                        .params(changed).param("tenant", t.id().value()).param("number", line.number().e164()).update();
            }
        }
        return changes;
    }

    private int hours(TenantSpec t, FileSnapshot file) {
        List<String> current = jdbc.sql("""
                SELECT day_of_week, opens_at, closes_at FROM business_hours WHERE tenant_id = ?
                ORDER BY day_of_week, opens_at""").param(t.id().value())
                .query((rs, n) -> rs.getInt(1) + " " + rs.getTime(2).toLocalTime() + "-" + rs.getTime(3).toLocalTime())
                .list();
        List<String> desired = t.hours().stream()
                .sorted((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day()) : a.opens().compareTo(b.opens()))
                .map(i -> i.day().getValue() + " " + i.opens() + "-" + i.closes()).toList();
        if (!file.fileSets("hours", String.join(",", desired)) || current.equals(desired)) {
            return 0;
        }
        int changes = jdbc.sql("DELETE FROM business_hours WHERE tenant_id = ?").param(t.id().value()).update();
        for (WeeklyHours.Interval i : t.hours()) {
            changes += jdbc.sql("INSERT INTO business_hours (tenant_id, day_of_week, opens_at, closes_at) VALUES (?, ?, ?, ?)")
                    .params(t.id().value(), i.day().getValue(), Time.valueOf(i.opens()), Time.valueOf(i.closes()))
                    .update();
        }
        return changes;
    }

    private int holidays(TenantSpec t, FileSnapshot file) {
        var current = jdbc.sql("SELECT day FROM holidays WHERE tenant_id = ?").param(t.id().value())
                .query((rs, n) -> rs.getDate(1).toLocalDate()).set();
        String fileSays = t.holidays().stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
        if (!file.fileSets("holidays", fileSays) || current.equals(Set.copyOf(t.holidays()))) {
            return 0;
        }
        int changes = jdbc.sql("DELETE FROM holidays WHERE tenant_id = ?").param(t.id().value()).update();
        for (var day : Set.copyOf(t.holidays())) {
            changes += jdbc.sql("INSERT INTO holidays (tenant_id, day) VALUES (?, ?)").params(t.id().value(), day).update();
        }
        return changes;
    }

    /** Numbers the file lists are added; numbers blocked from the console are left alone. */
    private int blocklist(TenantSpec t) {
        int changes = 0;
        for (PhoneNumber phone : t.blocklist()) {
            changes += jdbc.sql("INSERT IGNORE INTO blocklist (tenant_id, phone, reason, created_at) VALUES (?, ?, 'provisioning file', ?)")
                    .params(t.id().value(), phone.e164(), now()).update();
        }
        return changes;
    }

    private int templates(TenantSpec t, FileSnapshot file) {
        int changes = 0;
        for (var entry : t.templates().entrySet()) {
            rejectUnsendable(t, entry.getKey(), entry.getValue());
            Optional<String> current = jdbc.sql(
                    "SELECT body FROM message_templates WHERE tenant_id = ? AND kind = ? AND line_id IS NULL")
                    .params(t.id().value(), entry.getKey()).query(String.class).optional();
            boolean fileSets = file.fileSets("template." + entry.getKey(), entry.getValue());
            if (current.isPresent() && (!fileSets || current.get().equals(entry.getValue()))) {
                continue;
            }
            changes += current.isEmpty()
                    ? jdbc.sql("INSERT INTO message_templates (tenant_id, line_id, kind, body, updated_at) VALUES (?, NULL, ?, ?, ?)")
                            .params(t.id().value(), entry.getKey(), entry.getValue(), now()).update()
                    : jdbc.sql("UPDATE message_templates SET body = ?, updated_at = ? WHERE tenant_id = ? AND kind = ? AND line_id IS NULL")
                            .params(entry.getValue(), now(), t.id().value(), entry.getKey()).update();
        }
        return changes;
    }

    /** The same check as saving from the console: a template that could not be sent is not loaded. */
    private static void rejectUnsendable(TenantSpec t, String kind, String body) {
        if (t.lines().isEmpty()) {
            return;
        }
        String problem = TextBackTemplates.problem(kind, body,
                TextBackTemplates.worstCase(t.name(), t.textBack().bookingLink(), t.lines().getFirst().number()));
        if (problem != null) {
            String name = kind.replace("textback.", "");
            throw new ProvisioningException("tenants[" + t.id() + "].templates."
                    + (TextBackTemplates.isSpanish(kind) ? "es." + name.replace(TextBackTemplates.SPANISH, "") : name) + ": " + problem);
        }
    }

    /** JDBC hands back Integer/Long/Boolean/String in driver-specific shapes; compare as text. */
    private static String normalise(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String csv(List<PhoneNumber> numbers) {
        return numbers.stream().map(PhoneNumber::e164).collect(Collectors.joining(","));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
