package io.redial.crm.servicetitan.internal.mapping;

import io.redial.leads.Urgency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One row of the tenant's table trade × urgency → business unit, job type, priority and campaign, kept in the
 * connection's settings as {@code job.<trade>.<urgency>=<businessUnitId>,<jobTypeId>,<priority>,<campaignId>}.
 * The trade {@code *} is the row for any trade without its own.
 */
public record JobMapping(String trade, Urgency urgency, long businessUnitId, long jobTypeId, String priority,
        long campaignId) {

    public static final String ANY_TRADE = "*";
    private static final String PREFIX = "job.";

    /** ServiceTitan's booking priorities, lowest first; jobs take the same words. */
    public static final List<String> PRIORITIES = List.of("Low", "Normal", "High", "Urgent");

    public String settingKey() {
        return key(trade, urgency);
    }

    public String settingValue() {
        return businessUnitId + "," + jobTypeId + "," + priority + "," + campaignId;
    }

    /** The row for this trade and urgency, else the any-trade row for the urgency. */
    public static Optional<JobMapping> find(Map<String, String> settings, @Nullable String trade, Urgency urgency) {
        String own = trade == null ? null : settings.get(key(trade, urgency));
        if (own != null) {
            return parse(normalTrade(trade), urgency, own);
        }
        String any = settings.get(key(ANY_TRADE, urgency));
        return any == null ? Optional.empty() : parse(ANY_TRADE, urgency, any);
    }

    /** Every row in the settings, for the console's table. */
    public static List<JobMapping> all(Map<String, String> settings) {
        List<JobMapping> rows = new ArrayList<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            int dot = key.lastIndexOf('.');
            try {
                Urgency urgency = Urgency.valueOf(key.substring(dot + 1).toUpperCase(Locale.ROOT));
                parse(key.substring(PREFIX.length(), dot), urgency, value).ifPresent(rows::add);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException notARow) {
                // not a mapping row: left alone
            }
        });
        return rows;
    }

    public static boolean isSettingKey(String key) {
        return key.startsWith(PREFIX);
    }

    /** Urgency alone, for when no row applies: what a CSR would pick. */
    public static String defaultPriority(@Nullable Urgency urgency) {
        if (urgency == null) {
            return "Normal";
        }
        return switch (urgency) {
            case EMERGENCY -> "Urgent";
            case URGENT -> "High";
            case ROUTINE -> "Normal";
        };
    }

    private static String key(String trade, Urgency urgency) {
        return PREFIX + normalTrade(trade) + "." + urgency.name().toLowerCase(Locale.ROOT);
    }

    private static String normalTrade(String trade) {
        return trade.trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<JobMapping> parse(String trade, Urgency urgency, String value) {
        String[] parts = value.split(",");
        if (parts.length != 4 || !PRIORITIES.contains(parts[2].trim())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JobMapping(trade, urgency, Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()),
                    parts[2].trim(), Long.parseLong(parts[3].trim())));
        } catch (NumberFormatException notIds) {
            return Optional.empty();
        }
    }
}
