package io.redial.receptionist;

import io.redial.receptionist.booking.BookingWindows;

import io.redial.shared.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads an optional {@code receptionist:} block per tenant from the provisioning file, after the tenants
 * themselves are loaded. Keys: disclosure, disclosure_text, turn_cap, idle_minutes, daily_capacity, booking_days_ahead,
 * windows ({@code {mon-fri: "08:00-12:00,13:00-17:00"}}) and window_capacity. Applying it twice changes nothing,
 * and it never undoes what an admin changed in the console (see {@link #apply(TenantId, Map)}).
 */
@Component
@Order(1)
public class ReceptionistProvisioning implements ApplicationRunner {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final ReceptionistProfiles profiles;
    private final BookingWindows windows;
    private final JdbcClient jdbc;
    private final String file;

    ReceptionistProvisioning(ReceptionistProfiles profiles, BookingWindows windows, JdbcClient jdbc,
            @Value("${redial.provisioning-file:}") String file) {
        this.profiles = profiles;
        this.windows = windows;
        this.jdbc = jdbc;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!file.isBlank()) {
            apply(Files.readString(Path.of(file)));
        }
    }

    @Transactional
    public void apply(String yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof Map<?, ?> map) || !(map.get("tenants") instanceof List<?> tenants)) {
            return; // the tenant loader reports a malformed file
        }
        for (Object t : tenants) {
            if (t instanceof Map<?, ?> tenant && tenant.get("receptionist") instanceof Map<?, ?> r) {
                apply(new TenantId(String.valueOf(tenant.get("id"))), r);
            }
        }
    }

    /**
     * As the tenant loader does ({@code provisioning_snapshots}): a setting is taken from the file only when the
     * file says something new about it since it was last applied, so what an admin changed in the console
     * survives a restart with the same file; a setting the file leaves out keeps the tenant's value.
     */
    private void apply(TenantId id, Map<?, ?> r) {
        Map<String, String> last = new HashMap<>();
        jdbc.sql("SELECT item, value FROM provisioning_snapshots WHERE tenant_id = ? AND item LIKE 'receptionist.%'")
                .param(id.value()).query((rs, n) -> last.put(rs.getString(1), rs.getString(2))).list();
        Map<String, String> now = new HashMap<>();
        r.forEach((key, value) -> {
            if (value != null && !(value instanceof Map)) {
                now.put("receptionist." + key, String.valueOf(value));
            }
        });
        if (r.get("windows") instanceof Map<?, ?> w) { // windows and their capacity go together
            now.put("receptionist.windows", new TreeMap<>(w).toString() + " x" + integer(r.get("window_capacity"), 1));
        }
        Map<String, String> fresh = new HashMap<>(now);
        fresh.entrySet().removeIf(e -> e.getValue().equals(last.get(e.getKey())));
        if (fresh.isEmpty()) {
            return;
        }
        ReceptionistSettings current = profiles.settings(id);
        ReceptionistSettings next = new ReceptionistSettings(
                bool(fresh.get("receptionist.disclosure"), current.disclosure()),
                integer(fresh.get("receptionist.turn_cap"), current.turnCap()),
                integer(fresh.get("receptionist.idle_minutes"), current.idleMinutes()),
                integer(fresh.get("receptionist.daily_capacity"), current.dailyCapacity()),
                integer(fresh.get("receptionist.booking_days_ahead"), current.bookingDaysAhead()),
                fresh.containsKey("receptionist.disclosure_text") ? fresh.get("receptionist.disclosure_text")
                        : current.disclosureText())
                .withArrivalWindowHours(integer(fresh.get("receptionist.arrival_window_hours"), current.arrivalWindowHours()))
                .withSafety(current.safety());
        if (!next.equals(current)) {
            profiles.saveSettings(id, next);
        }
        if (fresh.containsKey("receptionist.windows") && r.get("windows") instanceof Map<?, ?> w) {
            windows.replaceIfChanged(id, windows(w, integer(r.get("window_capacity"), 1)));
        }
        fresh.forEach((item, value) -> jdbc.sql("""
                INSERT INTO provisioning_snapshots (tenant_id, item, value) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE value = VALUES(value)""").params(id.value(), item, value).update());
    }

    static List<BookingWindows.Window> windows(Map<?, ?> spec, int capacity) {
        List<BookingWindows.Window> out = new ArrayList<>();
        spec.forEach((days, ranges) -> {
            String[] ends = String.valueOf(days).toLowerCase().split("-");
            int from = DAYS.indexOf(ends[0].trim());
            int to = ends.length > 1 ? DAYS.indexOf(ends[1].trim()) : from;
            if (from < 0 || to < 0) {
                throw new IllegalArgumentException("receptionist.windows: unknown days '" + days + "'");
            }
            for (String range : String.valueOf(ranges).split(",")) {
                String[] times = range.trim().split("-");
                for (int day = from; day <= to; day++) {
                    out.add(new BookingWindows.Window(DayOfWeek.of(day + 1), LocalTime.parse(times[0].trim()),
                            LocalTime.parse(times[1].trim()), capacity));
                }
            }
        });
        return out;
    }

    private static int integer(Object value, int fallback) {
        return value == null ? fallback : Integer.parseInt(String.valueOf(value));
    }

    private static boolean bool(Object value, boolean fallback) {
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }
}
