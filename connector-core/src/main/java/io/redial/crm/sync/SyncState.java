package io.redial.crm.sync;

/** Where a unit of sync work stands. */
public enum SyncState {
    PENDING,
    DONE,
    /** The CRM refused it; kept and visible, retryable from the console. */
    REJECTED,
    /** Still unavailable after many tries; retryable from the console. */
    FAILED,
    /** The connection is broken; resumes when the tenant reconnects. */
    BLOCKED
}
