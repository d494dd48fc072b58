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
    /**
     * Each lead also becomes a record of its own beside the contact (a Jobber request), made once per lead;
     * the lead's transcript, booking and emergency then go onto that record instead of the contact.
     */
    LEAD_RECORDS,
    /**
     * Many leads' contacts, calls, transcripts and booked jobs in few requests ({@link CrmGateway#upsertLeads},
     * {@link CrmGateway#logCalls}, {@link CrmGateway#attachTranscripts}, {@link CrmGateway#bookJobs}): core then takes
     * a connection's due work of those kinds together, up to {@link CrmGateway#MAX_BATCH} at a time.
     */
    BATCHES,
    /** A booked job also goes on the CRM's calendar as a meeting with the contact ({@link CrmGateway#scheduleMeetings}). */
    MEETINGS,
    /** Optional: free time windows for booking. */
    AVAILABILITY
}
