package io.redial.tenants.provisioning;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.geo.ServiceRadius;
import io.redial.tenants.CallPattern;
import io.redial.tenants.WeeklyHours;
import io.redial.tenants.TextBackTemplates;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the provisioning YAML (DESIGN, "Provisioning file") into {@link TenantSpec}s. Every mistake is
 * reported with its path in the file, e.g. {@code tenants[0].lines[1].number}.
 */
public final class ProvisioningFile {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Map<String, String> TEMPLATE_KINDS =
            Map.of("business_hours", "textback.business_hours", "after_hours", "textback.after_hours",
                    "repeat_call", "textback.repeat_call", "follow_up", "textback.follow_up");
    /** The key under {@code templates} whose entries are the Spanish texts (same names as the English ones). */
    private static final String SPANISH = "es";

    private ProvisioningFile() {
    }

    public static List<TenantSpec> parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException | IllegalArgumentException e) {
            // snakeyaml's message names the line and column; a malformed tagged value (!!float .) ends as a number error
            throw new ProvisioningException("the file is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("tenants") instanceof List<?> tenants)) {
            throw new ProvisioningException("the file must have a top-level 'tenants:' list");
        }
        List<TenantSpec> specs = new ArrayList<>();
        for (int i = 0; i < tenants.size(); i++) {
            specs.add(tenant(new Node("tenants[" + i + "]", tenants.get(i))));
        }
        return specs;
    }

    private static TenantSpec tenant(Node t) {
        String id = t.string("id");
        return new TenantSpec(
                t.parse("id", TenantId::new, id),
                t.string("name"),
                t.parse("timezone", ZoneId::of, t.string("timezone")),
                t.strings("trades").stream().map(String::toLowerCase).toList(),
                hours(t.child("hours")),
                t.strings("holidays").stream().map(d -> t.parse("holidays", LocalDate::parse, d)).toList(),
                t.child("service_area").strings("zips"),
                radius(t.child("service_area")),
                prices(t.child("prices")),
                t.numbers("on_call"),
                t.integer("on_call_ack_minutes", 5),
                t.numbers("staff"),
                t.list("lines").stream().map(ProvisioningFile::line).toList(),
                templates(t.child("templates")),
                new TenantSpec.TextBack(
                        t.integer("hang_up_threshold_seconds", 4),
                        t.integer("dedupe_window_hours", 24),
                        t.bool("reject_failed_caller_id", false),
                        t.map().containsKey("served_countries")
                                ? t.strings("served_countries").stream().map(String::toUpperCase).toList()
                                : List.of("US", "CA"),
                        t.optionalString("booking_link"),
                        t.optionalString("messaging_service_sid"),
                        t.integer("sends_per_minute", 60),
                        t.bool("line_type_lookup", false)),
                t.numbers("blocklist"),
                messagingServicePaces(t.list("messaging_services")));
    }

    /** {@code messaging_services: [{sid: MG…, sends_per_minute: 240}]}: the pace every line sending through it shares. */
    private static Map<String, Integer> messagingServicePaces(List<Node> services) {
        Map<String, Integer> paces = new java.util.LinkedHashMap<>();
        for (Node service : services) {
            String sid = service.parse("sid", raw -> {
                if (!raw.matches("MG[0-9a-fA-F]{32}")) {
                    throw new IllegalArgumentException("a Messaging Service SID is MG and 32 hex digits");
                }
                return raw;
            }, service.string("sid"));
            int pace = service.parse("sends_per_minute", raw -> {
                int perMinute = Integer.parseInt(raw);
                if (perMinute < 1 || perMinute > 60_000) {
                    throw new IllegalArgumentException("texts per minute, from 1 to 60000");
                }
                return perMinute;
            }, service.string("sends_per_minute"));
            if (paces.put(sid, pace) != null) {
                throw new ProvisioningException(service.path() + ".sid: " + sid + " is listed twice");
            }
        }
        return paces;
    }

    private static TenantSpec.LineSpec line(Node l) {
        String forwardedFrom = l.optionalString("forwarded_from");
        return new TenantSpec.LineSpec(
                l.number("number"),
                l.parse("pattern", CallPattern::of, l.string("pattern")),
                l.numbers("ring"),
                l.integer("ring_timeout_seconds", 18),
                l.bool("screening", true),
                forwardedFrom == null ? null : l.parse("forwarded_from", PhoneNumber::parse, forwardedFrom),
                "sequential".equalsIgnoreCase(l.optionalString("ring_strategy")),
                l.optionalString("messaging_service_sid"),
                l.optionalString("sends_per_minute") == null ? null : l.integer("sends_per_minute", 60));
    }

    private static List<WeeklyHours.Interval> hours(Node hours) {
        List<WeeklyHours.Interval> intervals = new ArrayList<>();
        hours.entries().forEach((days, value) -> {
            String spec = String.valueOf(value).trim();
            if (spec.equalsIgnoreCase("closed")) {
                return;
            }
            for (DayOfWeek day : hours.parse(days, ProvisioningFile::days, days)) {
                for (String range : spec.split(",")) {
                    String[] ends = range.trim().split("-");
                    intervals.add(hours.parse(days, s -> new WeeklyHours.Interval(day,
                            LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())), range));
                }
            }
        });
        return intervals;
    }

    /** "mon-fri", "sat", "mon,wed,fri" */
    private static List<DayOfWeek> days(String spec) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String part : spec.toLowerCase().split(",")) {
            String[] ends = part.trim().split("-");
            int from = dayIndex(ends[0]);
            int to = ends.length > 1 ? dayIndex(ends[1]) : from;
            for (int d = from; d <= to; d++) {
                days.add(DayOfWeek.of(d + 1));
            }
        }
        return days;
    }

    private static int dayIndex(String day) {
        int i = DAYS.indexOf(day.trim());
        if (i < 0) {
            throw new IllegalArgumentException("unknown day '" + day + "' (mon … sun)");
        }
        return i;
    }

    /** {@code radius_miles: 25} with {@code center: [latitude, longitude]}, the shop's position. */
    private static @Nullable ServiceRadius radius(Node area) {
        String miles = area.optionalString("radius_miles");
        List<String> center = area.strings("center");
        if (miles == null && center.isEmpty()) {
            return null;
        }
        if (miles == null || center.size() != 2) {
            throw new ProvisioningException(area.path() + ": a radius needs radius_miles and center: [latitude, longitude]");
        }
        return area.parse("radius_miles", raw -> ServiceRadius.parse(String.join(",", center) + "," + raw), miles);
    }

    private static Map<String, BigDecimal> prices(Node prices) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        prices.entries().forEach((name, value) -> out.put(name, prices.parse(name, BigDecimal::new, String.valueOf(value))));
        return out;
    }

    private static Map<String, String> templates(Node templates) {
        Map<String, String> out = new LinkedHashMap<>();
        templates.entries().forEach((name, value) -> {
            if (name.equals(SPANISH)) {
                Node spanish = templates.child(SPANISH);
                spanish.entries().forEach((spanishName, text) ->
                        out.put(TextBackTemplates.spanish(templateKind(spanish, spanishName)), String.valueOf(text)));
                return;
            }
            out.put(templateKind(templates, name), String.valueOf(value));
        });
        return out;
    }

    private static String templateKind(Node templates, String name) {
        String kind = TEMPLATE_KINDS.get(name);
        if (kind == null) {
            throw new ProvisioningException(templates.path + "." + name + ": unknown template (business_hours, "
                    + "after_hours, repeat_call or follow_up" + (templates.path.endsWith("." + SPANISH) ? ")" : "; es for the Spanish texts)"));
        }
        return kind;
    }

    /** A position in the YAML tree, so errors can say where they are. */
    private record Node(String path, @Nullable Object value) {

        Map<String, Object> map() {
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> m)) {
                throw new ProvisioningException(path + ": expected a mapping");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }

        Map<String, Object> entries() {
            return map();
        }

        Node child(String key) {
            return new Node(path + "." + key, map().get(key));
        }

        List<Node> list(String key) {
            Object v = map().get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> items)) {
                throw new ProvisioningException(path + "." + key + ": expected a list");
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                nodes.add(new Node(path + "." + key + "[" + i + "]", items.get(i)));
            }
            return nodes;
        }

        String string(String key) {
            String s = optionalString(key);
            if (s == null || s.isBlank()) {
                throw new ProvisioningException(path + "." + key + ": required");
            }
            return s;
        }

        @Nullable String optionalString(String key) {
            Object v = map().get(key);
            return v == null ? null : String.valueOf(v).trim();
        }

        List<String> strings(String key) {
            return list(key).stream().map(n -> String.valueOf(n.value()).trim()).toList();
        }

        PhoneNumber number(String key) {
            return parse(key, PhoneNumber::parse, string(key));
        }

        List<PhoneNumber> numbers(String key) {
            return strings(key).stream().map(s -> parse(key, PhoneNumber::parse, s)).toList();
        }

        int integer(String key, int fallback) {
            String s = optionalString(key);
            return s == null ? fallback : parse(key, Integer::parseInt, s);
        }

        boolean bool(String key, boolean fallback) {
            String s = optionalString(key);
            return s == null ? fallback : Boolean.parseBoolean(s);
        }

        <T> T parse(String key, java.util.function.Function<String, T> parser, String raw) {
            try {
                return parser.apply(raw);
            } catch (RuntimeException e) {
                throw new ProvisioningException(path + "." + key + ": '" + raw + "': " + e.getMessage());
            }
        }
    }
}
