package io.redial.crm.sync;

/** What a unit of sync work writes. */
public enum SyncKind {
    /** The contact with the lead's details, and the call it came from. */
    LEAD,
    JOB,
    EMERGENCY,
    TRANSCRIPT,
    /** A call-back task: the lead's text-back did not reach the caller. */
    CALLBACK
}
