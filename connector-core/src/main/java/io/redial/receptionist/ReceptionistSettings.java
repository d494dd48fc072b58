package io.redial.receptionist;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's receptionist settings; {@link #DEFAULTS} until the tenant changes them. {@code disclosureText} is the
 * tenant's own English disclosure (null: the built-in one); Spanish callers get the built-in Spanish phrase.
 */
public record ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity,
        int bookingDaysAhead, @Nullable String disclosureText) {

    public static final ReceptionistSettings DEFAULTS = new ReceptionistSettings(false, 20, 30, 6, 7);

    public ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity, int bookingDaysAhead) {
        this(disclosure, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, null);
    }

    public ReceptionistSettings withDisclosure(boolean on, @Nullable String text) {
        return new ReceptionistSettings(on, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, text);
    }
}
