package io.redial.receptionist.triage;

/** What a triage rule makes our code do, whatever the model proposed. */
public enum Routing {
    /** Page the on-call ladder at once. */
    ESCALATE,
    /** Book the earliest slot we can; no page. */
    BOOK_URGENT,
    /** A person takes the conversation. */
    HAND_OFF
}
