package io.redial.calls;

/** What a call turned out to be, from the contractor's point of view. */
public enum CallOutcome {
    /** Nobody on the team took it: the caller gets a text. */
    MISSED,
    /** A person on the team accepted the call. */
    ANSWERED,
    /** The caller hung up before anyone could reasonably answer. */
    HUNG_UP_TOO_FAST,
    /** Not someone who could become a job (e.g. the tenant's own staff). */
    NOT_A_LEAD
}
