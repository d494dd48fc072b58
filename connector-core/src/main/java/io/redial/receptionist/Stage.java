package io.redial.receptionist;

import io.redial.leads.LeadDetails;

/** Where a conversation stands from Anna's side: what she asked last, or how it ended. */
public enum Stage {
    OPEN, ASKED_PROBLEM, ASKED_NAME, ASKED_ADDRESS, OFFERED, BOOKED, ESCALATED, HANDED_OFF, CLOSED;

    /** The question to ask next, in the one order both receptionists follow: problem, name, address. */
    public static Stage nextQuestion(LeadDetails known) {
        if (known.problem() == null) {
            return ASKED_PROBLEM;
        }
        if (known.callerName() == null) {
            return ASKED_NAME;
        }
        if (known.serviceAddress() == null) {
            return ASKED_ADDRESS;
        }
        return OFFERED;
    }

    public boolean finished() {
        return this == BOOKED || this == HANDED_OFF || this == CLOSED;
    }
}
