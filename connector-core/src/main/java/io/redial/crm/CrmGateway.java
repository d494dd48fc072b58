package io.redial.crm;

import io.redial.shared.PhoneNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's CRM, in core's vocabulary. Adapters translate and map failures onto {@link CrmException};
 * retries, rate limits and idempotency (which records already exist) are core's business.
 */
public interface CrmGateway {

    /** The most inputs core hands one batch method (HubSpot's batch endpoints take 100). */
    int MAX_BATCH = 100;

    /** One contact to write in a batch: as {@link #upsertLead}. */
    record ContactWrite(CrmLead lead, @Nullable CrmRecordRef known) {
    }

    /** One call to log in a batch: as {@link #logCall}; {@code retried} as for {@link TranscriptWrite}. */
    record CallWrite(CrmRecordRef contact, CallLog call, boolean retried) {

        public CallWrite(CrmRecordRef contact, CallLog call) {
            this(contact, call, false);
        }
    }

    /**
     * One transcript to attach in a batch: as {@link #attachTranscript(CrmRecordRef, Transcript, CrmLead)}.
     * {@code retried}: an earlier attempt may have written it (its answer was lost), so an adapter whose CRM has no
     * idempotency key looks for that record first and answers it instead of writing again.
     */
    record TranscriptWrite(CrmRecordRef target, Transcript transcript, CrmLead lead, boolean retried) {

        public TranscriptWrite(CrmRecordRef target, Transcript transcript, CrmLead lead) {
            this(target, transcript, lead, false);
        }
    }

    /** One booked job in a batch: as {@link #bookJob(CrmRecordRef, JobRequest, CrmLead)}, or its meeting; {@code retried} as above. */
    record JobWrite(CrmRecordRef target, JobRequest job, CrmLead lead, boolean retried) {

        public JobWrite(CrmRecordRef target, JobRequest job, CrmLead lead) {
            this(target, job, lead, false);
        }
    }

    /** One follow-up task: as {@link #createTask}; {@code retried} as for {@link TranscriptWrite}. */
    record TaskWrite(CrmRecordRef target, FollowUpTask task, boolean retried) {
    }

    /**
     * {@link #upsertLead} for many leads, one result per input in order. Adapters with
     * {@link CrmCapability#BATCHES} do it in few requests; this default asks one by one.
     */
    default List<CrmItemResult> upsertLeads(List<ContactWrite> writes) {
        return writes.stream().map(w -> each(() -> upsertLead(w.lead(), w.known()))).toList();
    }

    /** {@link #logCall} for many calls, one result per input in order; see {@link #upsertLeads}. */
    default List<CrmItemResult> logCalls(List<CallWrite> writes) {
        return writes.stream().map(w -> each(() -> logCall(w.contact(), w.call()))).toList();
    }

    /** {@link #attachTranscript(CrmRecordRef, Transcript, CrmLead)} for many; see {@link #upsertLeads}. */
    default List<CrmItemResult> attachTranscripts(List<TranscriptWrite> writes) {
        return writes.stream().map(w -> each(() -> attachTranscript(w.target(), w.transcript(), w.lead()))).toList();
    }

    /** {@link #bookJob(CrmRecordRef, JobRequest, CrmLead)} for many; see {@link #upsertLeads}. */
    default List<CrmItemResult> bookJobs(List<JobWrite> writes) {
        return writes.stream().map(w -> each(() -> bookJob(w.target(), w.job(), w.lead()))).toList();
    }

    /**
     * {@link #createTask} for many; see {@link #upsertLeads}. Core also sends a single task here when an earlier
     * attempt's answer was lost, so an adapter can look for it first.
     */
    default List<CrmItemResult> createTasks(List<TaskWrite> writes) {
        return writes.stream().map(w -> each(() -> createTask(w.target(), w.task()))).toList();
    }

    /**
     * Only for {@link CrmCapability#MEETINGS}: each booked job as a meeting with the contact on the CRM's calendar,
     * beside what {@link #bookJobs} made; one result per input, in order.
     */
    default List<CrmItemResult> scheduleMeetings(List<JobWrite> writes) {
        throw new UnsupportedOperationException("this CRM keeps no meetings");
    }

    private static CrmItemResult each(java.util.function.Supplier<CrmRecordRef> write) {
        try {
            return CrmItemResult.of(write.get());
        } catch (CrmException failure) {
            return CrmItemResult.failed(failure);
        }
    }

    /**
     * The caller's contact: {@code known} when core already linked one, else found by phone, else
     * created; either way updated with what the lead now knows.
     */
    CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known);

    Optional<CrmRecordRef> findCustomer(PhoneNumber phone);

    /** The caller as an existing customer, with their name when the CRM has it (to greet them by name). */
    default Optional<CrmCustomer> lookUpCustomer(PhoneNumber phone) {
        return findCustomer(phone).map(ref -> new CrmCustomer(ref, null, null));
    }

    CrmRecordRef logCall(CrmRecordRef contact, CallLog call);

    /**
     * Only for providers with {@link CrmCapability#LEAD_RECORDS}: the lead's own record for {@code contact}
     * (core calls it once per lead). From then on {@link #attachTranscript}, {@link #bookJob} and
     * {@link #createTask} receive this record in place of the contact.
     */
    default CrmRecordRef recordLead(CrmRecordRef contact, CrmLead lead) {
        throw new UnsupportedOperationException("this CRM keeps no record per lead");
    }

    /** Only for {@link CrmCapability#LEAD_RECORDS}: the lead learned more; bring its record up to date. */
    default void updateLeadRecord(CrmRecordRef record, CrmLead lead) {
    }

    CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript);

    CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job);

    CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task);

    /**
     * {@link #bookJob(CrmRecordRef, JobRequest)} with the lead it books for (who called, the trade, how urgent),
     * for CRMs whose jobs need them (ServiceTitan picks business unit, job type and priority from trade and urgency).
     */
    default CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job, CrmLead lead) {
        return bookJob(contact, job);
    }

    /** {@link #attachTranscript(CrmRecordRef, Transcript)} with the lead the conversation belongs to. */
    default CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript, CrmLead lead) {
        return attachTranscript(contact, transcript);
    }

    /** Only for providers with {@link CrmCapability#AVAILABILITY}. */
    default List<TimeSlot> availability(Instant from, Instant to) {
        throw new UnsupportedOperationException("this CRM offers no availability");
    }
}
