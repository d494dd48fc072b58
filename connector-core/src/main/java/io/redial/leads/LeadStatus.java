package io.redial.leads;

/** Where a lead stands. */
public enum LeadStatus {
    /** Texted (or suppressed) and waiting for the caller. */
    NEW,
    /** The caller is talking with the receptionist or a person. */
    ENGAGED,
    BOOKED,
    ESCALATED,
    HANDED_OFF,
    CLOSED
}
