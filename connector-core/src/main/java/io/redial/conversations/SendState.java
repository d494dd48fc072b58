package io.redial.conversations;

/** The send ledger's states (DESIGN decision 2). */
public enum SendState {
    /** Stored, not yet handed to the carrier. */
    PENDING,
    /** Handed to the carrier; if we die now, the carrier's log tells whether it went. */
    SENDING,
    SENT,
    FAILED
}
