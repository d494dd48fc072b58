package io.redial.receptionist;

/** A tenant's receptionist settings; {@link #DEFAULTS} until the tenant changes them. */
public record ReceptionistSettings(boolean disclosure, int turnCap, int idleMinutes, int dailyCapacity,
        int bookingDaysAhead) {

    public static final ReceptionistSettings DEFAULTS = new ReceptionistSettings(false, 20, 30, 6, 7);
}
