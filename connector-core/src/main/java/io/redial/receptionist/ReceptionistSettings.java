package io.redial.receptionist;

import io.redial.receptionist.triage.SafetyThresholds;

import org.jspecify.annotations.Nullable;

/**
 * A tenant's receptionist settings; {@link #DEFAULTS} until the tenant changes them. {@code disclosureText} is the
 * tenant's own English disclosure (null: the built-in one); Spanish callers get the built-in Spanish phrase.
 * {@code arrivalWindowHours} is the length of the arrival windows Anna offers (2 to 4), {@code safety} the
 * temperature limits of the life-safety rules.
 */
public record ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity,
        int bookingDaysAhead, @Nullable String disclosureText, int arrivalWindowHours, SafetyThresholds safety) {

    public static final ReceptionistSettings DEFAULTS = new ReceptionistSettings(false, 20, 30, 6, 7);

    public ReceptionistSettings {
        if (arrivalWindowHours < 2 || arrivalWindowHours > 4) {
            throw new IllegalArgumentException("An arrival window lasts two to four hours.");
        }
    }

    public ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity, int bookingDaysAhead) {
        this(disclosure, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, null);
    }

    public ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity, int bookingDaysAhead,
            @Nullable String disclosureText) {
        this(disclosure, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, disclosureText, 3, SafetyThresholds.DEFAULTS);
    }

    public ReceptionistSettings withDisclosure(boolean on, @Nullable String text) {
        return new ReceptionistSettings(on, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, text, arrivalWindowHours, safety);
    }

    public ReceptionistSettings withArrivalWindowHours(int hours) {
        return new ReceptionistSettings(disclosure, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, disclosureText, hours, safety);
    }

    public ReceptionistSettings withSafety(SafetyThresholds limits) {
        return new ReceptionistSettings(disclosure, turnCap, idleMinutes, dailyCapacity, bookingDaysAhead, disclosureText,
                arrivalWindowHours, limits);
    }
}
