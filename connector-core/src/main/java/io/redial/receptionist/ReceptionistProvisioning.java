package io.redial.receptionist;

import io.redial.receptionist.booking.BookingWindows;

import io.redial.shared.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads an optional {@code receptionist:} block per tenant from the provisioning file, after the tenants
 * themselves are loaded. Keys: disclosure, disclosure_text, turn_cap, idle_minutes, daily_capacity, booking_days_ahead,
 * windows ({@code {mon-fri: "08:00-12:00,13:00-17:00"}}) and window_capacity. Applying it twice changes nothing.
 */
@Component
@Order(1)
public class ReceptionistProvisioning implements ApplicationRunner {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final ReceptionistProfiles profiles;
    private final BookingWindows windows;
    private final String file;

    ReceptionistProvisioning(ReceptionistProfiles profiles, BookingWindows windows,
            @Value("${redial.provisioning-file:}") String file) {
        this.profiles = profiles;
        this.windows = windows;
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
                TenantId id = new TenantId(String.valueOf(tenant.get("id")));
                var d = ReceptionistSettings.DEFAULTS;
                profiles.saveSettings(id, new ReceptionistSettings(bool(r.get("disclosure"), d.disclosure()),
                        integer(r.get("turn_cap"), d.turnCap()), integer(r.get("idle_minutes"), d.idleMinutes()),
                        integer(r.get("daily_capacity"), d.dailyCapacity()),
                        integer(r.get("booking_days_ahead"), d.bookingDaysAhead()),
                        // the console's own disclosure words survive a file that does not name any
                        r.get("disclosure_text") != null ? String.valueOf(r.get("disclosure_text"))
                                : profiles.settings(id).disclosureText())
                        .withArrivalWindowHours(integer(r.get("arrival_window_hours"), profiles.settings(id).arrivalWindowHours()))
                        .withSafety(profiles.settings(id).safety()));
                if (r.get("windows") instanceof Map<?, ?> w) {
                    windows.replaceIfChanged(id, windows(w, integer(r.get("window_capacity"), 1)));
                }
            }
        }
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
