package io.redial.crm;

/** What a provider can do; core skips work a provider cannot take. */
public enum CrmCapability {
    /** Upsert a lead as a contact/client/customer found by phone, and look customers up by phone. */
    CONTACTS,
    CALL_LOG,
    TRANSCRIPTS,
    /** A booked job becomes the CRM's job, deal or job request. */
    JOBS,
    FOLLOW_UP_TASKS,
    /** Optional: free time windows for booking. */
    AVAILABILITY
}
