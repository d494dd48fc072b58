package io.redial.crm.sync;

import io.redial.conversations.Conversations;
import io.redial.crm.CallLog;
import io.redial.crm.CrmCapability;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmItemResult;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.RecordText;
import io.redial.crm.Transcript;
import io.redial.leads.Lead;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of one unit of work, each guarded by its link: a step that already happened (a retry, a
 * replayed event) is skipped, so every record lands once.
 */
@Component
class SyncSteps {

    static final String LEAD_SOURCE = "Redial (missed call text-back)";
    /** Longer than any single CRM write may take (timeouts included); after it a claim is presumed dead. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(2);

    private final Leads leads;
    private final io.redial.tenants.Tenants tenants;
    private final Conversations conversations;
    private final CrmLinks links;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String publicBaseUrl;
    /**
     * How long the claim of a write whose answer was lost is held before a retry may take it over (and look for the
     * record first): longer than a CRM's search index takes to show a new record. Tests that compress the backoff
     * compress it too.
     */
    private final Duration answerLostWait;

    SyncSteps(Leads leads, io.redial.tenants.Tenants tenants, Conversations conversations, CrmLinks links, JdbcClient jdbc,
            Clock clock, @Value("${redial.public-base-url:http://localhost:8080}") String publicBaseUrl,
            @Value("${redial.crm.sync.answer-lost-wait:PT10S}") Duration answerLostWait) {
        this.leads = leads;
        this.tenants = tenants;
        this.conversations = conversations;
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.answerLostWait = answerLostWait;
    }

    void perform(SyncItem item, CrmProvider provider, CrmGateway gateway) {
        Lead lead = leads.find(item.tenant(), item.leadId())
                .orElseThrow(() -> new CrmRejected("lead " + item.leadId() + " no longer exists", null));
        CrmId crm = provider.id();
        if (!provider.capabilities().contains(needs(item.kind()))) {
            return; // this CRM has no place for it; the work is done as far as it can be
        }
        switch (item.kind()) {
            case LEAD -> {
                CrmRecordRef contact = upsertContact(crm, lead, gateway);
                if (lead.callId() != null && provider.capabilities().contains(CrmCapability.CALL_LOG)) {
                    once(crm, lead, "call:" + lead.callId(), again -> again
                            ? single(gateway.logCalls(List.of(new CrmGateway.CallWrite(contact, callLog(lead), true))))
                            : gateway.logCall(contact, callLog(lead)));
                }
                if (provider.capabilities().contains(CrmCapability.LEAD_RECORDS)) {
                    Optional<CrmRecordRef> record = links.find(lead.tenant(), crm, leadKey(lead));
                    if (record.isPresent()) {
                        gateway.updateLeadRecord(record.get(), crmLead(lead));
                    } else {
                        claimed(crm, lead, leadKey(lead), again -> gateway.recordLead(contact, crmLead(lead)));
                    }
                }
            }
            case JOB -> {
                CrmRecordRef contact = target(provider, lead, gateway);
                JobRequest job = jobRequest(item, lead);
                once(crm, lead, jobKey(job), again -> again
                        ? single(gateway.bookJobs(List.of(new CrmGateway.JobWrite(contact, job, crmLead(lead), true))))
                        : gateway.bookJob(contact, job, crmLead(lead)));
                if (provider.capabilities().contains(CrmCapability.MEETINGS)) {
                    once(crm, lead, meetingKey(job), again -> single(gateway.scheduleMeetings(
                            List.of(new CrmGateway.JobWrite(contact, job, crmLead(lead), again)))));
                }
            }
            case EMERGENCY -> {
                CrmRecordRef contact = target(provider, lead, gateway);
                FollowUpTask task = new FollowUpTask(lead.id(), "EMERGENCY: call " + lead.callerPhone().e164() + " now",
                        card(lead) + text(item.summary(), "Emergency reported by the caller") + "\n\nSource: " + LEAD_SOURCE
                                + "\nLead in Redial: " + link(lead),
                        FollowUpTask.Priority.HIGH, item.createdAt(), link(lead));
                task(crm, lead, "emergency:" + lead.id(), contact, task, gateway);
            }
            case CALLBACK -> {
                CrmRecordRef contact = target(provider, lead, gateway);
                FollowUpTask task = new FollowUpTask(lead.id(), "Call back " + lead.callerPhone().e164()
                        + ": our text did not reach them", "Redial's text-back was not delivered: "
                        + text(item.summary(), "the carrier did not deliver it") + ".\n\nSource: " + LEAD_SOURCE
                        + "\nLead in Redial: " + link(lead), FollowUpTask.Priority.HIGH, item.createdAt(), link(lead));
                task(crm, lead, "callback:" + lead.id(), contact, task, gateway);
            }
            case TRANSCRIPT -> {
                long conversationId = Objects.requireNonNull(item.conversationId());
                CrmRecordRef contact = target(provider, lead, gateway);
                Transcript transcript = transcript(lead, conversationId);
                once(crm, lead, "transcript:" + conversationId, again -> again
                        ? single(gateway.attachTranscripts(List.of(new CrmGateway.TranscriptWrite(contact, transcript, crmLead(lead), true))))
                        : gateway.attachTranscript(contact, transcript, crmLead(lead)));
            }
        }
    }

    /**
     * A batch of one connection's due work (see {@link CrmSync}): lead work, transcripts and booked jobs, each kind in
     * its own batch requests. Returns each item's failure by work id; an item not in it is done. A request that
     * fails as a whole fails the items of its kind only.
     */
    Map<Long, RuntimeException> performBatch(List<SyncItem> items, CrmProvider provider, CrmGateway gateway) {
        Map<Long, RuntimeException> failures = new HashMap<>();
        List<SyncItem> leadWork = items.stream().filter(i -> i.kind() == SyncKind.LEAD).toList();
        List<SyncItem> records = items.stream().filter(i -> i.kind() != SyncKind.LEAD).toList();
        for (List<SyncItem> kind : List.of(leadWork, records)) {
            if (kind.isEmpty()) {
                continue;
            }
            try {
                failures.putAll(kind == leadWork ? performLeads(kind, provider, gateway) : performRecords(kind, provider, gateway));
            } catch (CrmThrottle.Saturated | io.redial.crm.CrmException whole) {
                kind.forEach(item -> failures.put(item.id(), whole));
            }
        }
        return failures;
    }

    /**
     * Transcripts as notes and booked jobs (and their meetings) of several leads in few requests. Each record is
     * claimed under its own link first and linked as its result comes back, so a batch sent again after a crash
     * (or an item also run alone) writes nothing twice; inputs a batch answer rejects are released and retried alone.
     */
    private Map<Long, RuntimeException> performRecords(List<SyncItem> items, CrmProvider provider, CrmGateway gateway) {
        CrmId crm = provider.id();
        Map<Long, RuntimeException> failures = new HashMap<>();
        List<Keyed<CrmGateway.TranscriptWrite>> notes = new ArrayList<>();
        List<Keyed<CrmGateway.JobWrite>> jobs = new ArrayList<>();
        List<Keyed<CrmGateway.JobWrite>> meetings = new ArrayList<>();
        for (SyncItem item : items) {
            try {
                Lead lead = leads.find(item.tenant(), item.leadId())
                        .orElseThrow(() -> new CrmRejected("lead " + item.leadId() + " no longer exists", null));
                if (!provider.capabilities().contains(needs(item.kind()))) {
                    continue;
                }
                CrmRecordRef target = target(provider, lead, gateway); // a contact not written yet is written alone
                if (item.kind() == SyncKind.TRANSCRIPT) {
                    long conversationId = Objects.requireNonNull(item.conversationId());
                    String key = "transcript:" + conversationId;
                    CrmLinks.Claim claim = fresh(crm, lead, key);
                    if (claim != null) {
                        notes.add(new Keyed<>(item, lead, key, new CrmGateway.TranscriptWrite(target,
                                transcript(lead, conversationId), crmLead(lead), claim == CrmLinks.Claim.AGAIN),
                                claim == CrmLinks.Claim.AGAIN));
                    }
                } else if (item.kind() == SyncKind.JOB) {
                    JobRequest job = jobRequest(item, lead);
                    CrmLinks.Claim claim = fresh(crm, lead, jobKey(job));
                    if (claim != null) {
                        jobs.add(new Keyed<>(item, lead, jobKey(job),
                                new CrmGateway.JobWrite(target, job, crmLead(lead), claim == CrmLinks.Claim.AGAIN),
                                claim == CrmLinks.Claim.AGAIN));
                    }
                    CrmLinks.Claim meeting = provider.capabilities().contains(CrmCapability.MEETINGS)
                            ? fresh(crm, lead, meetingKey(job)) : null;
                    if (meeting != null) {
                        meetings.add(new Keyed<>(item, lead, meetingKey(job),
                                new CrmGateway.JobWrite(target, job, crmLead(lead), meeting == CrmLinks.Claim.AGAIN),
                                meeting == CrmLinks.Claim.AGAIN));
                    }
                } else {
                    perform(item, provider, gateway); // emergencies and call-backs are rare: one by one
                }
            } catch (CrmThrottle.Saturated | io.redial.crm.CrmException failure) {
                failures.put(item.id(), failure);
            }
        }
        linked(crm, notes, gateway::attachTranscripts, failures);
        linked(crm, jobs, gateway::bookJobs, failures);
        linked(crm, meetings, gateway::scheduleMeetings, failures);
        return failures;
    }

    /**
     * One record of a batch, claimed under {@code key} ({@code again}: over an attempt that may have written it), and
     * what the gateway is sent for it.
     */
    private record Keyed<W>(SyncItem item, Lead lead, String key, W write, boolean again) {
    }

    /**
     * How this batch now holds {@code key}'s claim ({@code FIRST}, or {@code AGAIN} over an attempt whose answer was
     * lost); null when the record is written already. Taken by other work for now: the item comes back shortly.
     */
    private CrmLinks.@Nullable Claim fresh(CrmId crm, Lead lead, String key) {
        if (links.find(lead.tenant(), crm, key).isPresent()) {
            return null;
        }
        CrmLinks.Claim claim = links.claimed(lead.tenant(), crm, key, lead.id(), clock.instant().minus(STALE_CLAIM));
        if (claim == CrmLinks.Claim.TAKEN) {
            throw new CrmThrottle.Saturated(clock.instant().plus(CLAIM_WAIT));
        }
        return claim;
    }

    /** Sends one batch and links each record it wrote; a failed input (or request) releases its claim and fails its item. */
    private <W> void linked(CrmId crm, List<Keyed<W>> batch, java.util.function.Function<List<W>, List<CrmItemResult>> send,
            Map<Long, RuntimeException> failures) {
        if (batch.isEmpty()) {
            return;
        }
        List<CrmItemResult> results;
        try {
            results = send.apply(batch.stream().map(Keyed::write).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException("a batch answered " + results.size() + " results for " + batch.size() + " inputs");
            }
        } catch (RuntimeException whole) {
            boolean maybeWritten = maybeWritten(whole);
            batch.forEach(k -> unclaim(crm, k, maybeWritten));
            if (!(whole instanceof CrmThrottle.Saturated) && !(whole instanceof io.redial.crm.CrmException)) {
                throw whole;
            }
            batch.forEach(k -> failures.putIfAbsent(k.item().id(), whole));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Keyed<W> keyed = batch.get(i);
            CrmItemResult result = results.get(i);
            if (result.failure() != null) {
                unclaim(crm, keyed, false);
                failures.putIfAbsent(keyed.item().id(), result.failure());
            } else {
                links.complete(keyed.lead().tenant(), crm, keyed.key(), Objects.requireNonNull(result.record()));
            }
        }
    }

    /**
     * A failed record's claim: released, or, when this attempt or an earlier one may have written the record, kept
     * for a retry that looks for it first (taken over as {@code AGAIN} after {@link #answerLostWait}).
     */
    private void unclaim(CrmId crm, Keyed<?> keyed, boolean maybeWritten) {
        unclaim(crm, keyed.lead(), keyed.key(), maybeWritten || keyed.again());
    }

    private void unclaim(CrmId crm, Lead lead, String key, boolean maybeWritten) {
        if (maybeWritten) {
            links.answerLost(lead.tenant(), crm, key, clock.instant().plus(answerLostWait).minus(STALE_CLAIM));
        } else {
            links.release(lead.tenant(), crm, key);
        }
    }

    /**
     * A timeout, a reset or a 5xx: the answer is lost, maybe not the write. (A CRM that says when to retry, as a 429
     * does, wrote nothing.)
     */
    private static boolean maybeWritten(RuntimeException failure) {
        return failure instanceof io.redial.crm.CrmUnavailable lost && lost.retryAfter().isEmpty();
    }

    /** A follow-up task, looked for first (by a batch of one) when an earlier attempt's answer was lost. */
    private void task(CrmId crm, Lead lead, String key, CrmRecordRef contact, FollowUpTask task, CrmGateway gateway) {
        once(crm, lead, key, again -> again ? single(gateway.createTasks(List.of(new CrmGateway.TaskWrite(contact, task, true))))
                : gateway.createTask(contact, task));
    }

    private Transcript transcript(Lead lead, long conversationId) {
        return new Transcript(conversationId, conversations.transcript(lead.tenant(), conversationId).stream()
                .map(l -> new Transcript.Line(l.at(), l.author(), l.body())).toList(), link(lead));
    }

    private JobRequest jobRequest(SyncItem item, Lead lead) {
        return new JobRequest(lead.id(), Objects.requireNonNull(item.slotStart()), Objects.requireNonNull(item.slotEnd()),
                text(item.summary(), "Job booked by Redial"), lead.details().serviceAddress(), link(lead));
    }

    private static String jobKey(JobRequest job) {
        return "job:" + job.leadId() + ":" + job.start().getEpochSecond();
    }

    private static String meetingKey(JobRequest job) {
        return "meeting:" + job.leadId() + ":" + job.start().getEpochSecond();
    }

    /** A batch of one's record, or its failure thrown as a request of its own would have been. */
    private static CrmRecordRef single(List<CrmItemResult> results) {
        CrmItemResult only = results.getFirst();
        if (only.failure() != null) {
            throw only.failure();
        }
        return Objects.requireNonNull(only.record());
    }

    /**
     * The lead work of several leads of one connection through the gateway's batch methods: contacts first, then
     * their calls. Each record is still claimed and linked on its own, so a batch retried after a crash (or a lead
     * that is also in another batch) writes nothing twice. Returns each item's failure by work id; an item not in
     * it is done. A failure of a whole request is thrown, its claims released.
     */
    Map<Long, RuntimeException> performLeads(List<SyncItem> items, CrmProvider provider, CrmGateway gateway) {
        CrmId crm = provider.id();
        Map<Long, RuntimeException> failures = new HashMap<>();
        List<Pending> contacts = new ArrayList<>();
        for (SyncItem item : items) {
            Lead lead = leads.find(item.tenant(), item.leadId()).orElse(null);
            if (lead == null) {
                failures.put(item.id(), new CrmRejected("lead " + item.leadId() + " no longer exists", null));
                continue;
            }
            String key = contactKey(lead.callerPhone());
            CrmRecordRef known = links.find(lead.tenant(), crm, key).orElse(null);
            CrmLinks.Claim claim = known == null ? claim(crm, lead, key) : null;
            if (claim == CrmLinks.Claim.TAKEN) {
                failures.put(item.id(), new CrmThrottle.Saturated(clock.instant().plus(CLAIM_WAIT)));
                continue;
            }
            contacts.add(new Pending(item, lead, key, known, claim == CrmLinks.Claim.AGAIN,
                    new CrmGateway.ContactWrite(crmLead(lead), known), null));
        }
        List<CrmItemResult> contactResults = written(crm, contacts, () -> gateway.upsertLeads(
                contacts.stream().map(p -> (CrmGateway.ContactWrite) p.write()).toList()));
        List<Pending> calls = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            Pending pending = contacts.get(i);
            CrmItemResult result = contactResults.get(i);
            if (result.failure() != null) {
                failures.put(pending.item().id(), result.failure());
                continue;
            }
            CrmRecordRef contact = Objects.requireNonNull(result.record());
            if (!contact.equals(pending.known())) {
                links.complete(pending.lead().tenant(), crm, pending.key(), contact); // new, or merged into another
            }
            Lead lead = pending.lead();
            if (lead.callId() == null || !provider.capabilities().contains(CrmCapability.CALL_LOG)) {
                continue;
            }
            String callKey = "call:" + lead.callId();
            if (links.find(lead.tenant(), crm, callKey).isPresent()) {
                continue;
            }
            CrmLinks.Claim claim = claim(crm, lead, callKey);
            if (claim == CrmLinks.Claim.TAKEN) {
                failures.put(pending.item().id(), new CrmThrottle.Saturated(clock.instant().plus(CLAIM_WAIT)));
                continue;
            }
            boolean again = claim == CrmLinks.Claim.AGAIN;
            calls.add(new Pending(pending.item(), lead, callKey, null, again, null,
                    new CrmGateway.CallWrite(contact, callLog(lead), again)));
        }
        List<CrmItemResult> callResults = written(crm, calls, () -> gateway.logCalls(
                calls.stream().map(Pending::call).toList()));
        for (int i = 0; i < calls.size(); i++) {
            if (callResults.get(i).failure() != null) {
                failures.put(calls.get(i).item().id(), callResults.get(i).failure());
            }
        }
        return failures;
    }

    /**
     * One item's write in a batch: what it claimed (none when {@code known}; {@code again} over an attempt whose answer
     * was lost) and what it sends.
     */
    private record Pending(SyncItem item, Lead lead, String key, @Nullable CrmRecordRef known, boolean again,
            CrmGateway.@Nullable ContactWrite write, CrmGateway.@Nullable CallWrite call) {
    }

    /**
     * Sends a batch and links what it wrote. Claims of inputs that failed are released; those of a request whose answer
     * was lost (or of an input that retried such a one) are kept for a retry that looks first.
     */
    private List<CrmItemResult> written(CrmId crm, List<Pending> batch, Supplier<List<CrmItemResult>> send) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<CrmItemResult> results;
        try {
            results = send.get();
        } catch (RuntimeException whole) {
            boolean maybeWritten = maybeWritten(whole);
            batch.stream().filter(p -> p.known() == null).forEach(p -> unclaim(crm, p.lead(), p.key(), maybeWritten || p.again()));
            throw whole;
        }
        if (results.size() != batch.size()) {
            throw new IllegalStateException("a batch answered " + results.size() + " results for " + batch.size() + " inputs");
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (pending.known() != null) {
                continue;
            }
            if (results.get(i).failure() != null) {
                unclaim(crm, pending.lead(), pending.key(), pending.again());
            } else if (pending.call() != null) {
                links.complete(pending.lead().tenant(), crm, pending.key(), Objects.requireNonNull(results.get(i).record()));
            }
        }
        return results;
    }

    private CrmLinks.Claim claim(CrmId crm, Lead lead, String key) {
        return links.claimed(lead.tenant(), crm, key, lead.id(), clock.instant().minus(STALE_CLAIM));
    }

    private static CrmCapability needs(SyncKind kind) {
        return switch (kind) {
            case LEAD -> CrmCapability.CONTACTS;
            case JOB -> CrmCapability.JOBS;
            case EMERGENCY, CALLBACK -> CrmCapability.FOLLOW_UP_TASKS;
            case TRANSCRIPT -> CrmCapability.TRANSCRIPTS;
        };
    }

    /** Pushes what the lead knows now; the first time, the CRM finds the contact by phone or creates it. */
    private CrmRecordRef upsertContact(CrmId crm, Lead lead, CrmGateway gateway) {
        String key = contactKey(lead.callerPhone());
        Optional<CrmRecordRef> known = links.find(lead.tenant(), crm, key);
        if (known.isEmpty()) {
            // A retry finds a contact whose answer was lost by its phone, as any first write does.
            return claimed(crm, lead, key, again -> gateway.upsertLead(crmLead(lead), null));
        }
        CrmRecordRef ref = gateway.upsertLead(crmLead(lead), known.get());
        if (!ref.equals(known.get())) {
            links.complete(lead.tenant(), crm, key, ref); // the CRM merged or deleted the old record
        }
        return ref;
    }

    /**
     * Where a lead's transcript, booking and emergency go: the lead's own record when the CRM keeps one
     * (created here if the lead's work has not run yet), else the contact.
     */
    private CrmRecordRef target(CrmProvider provider, Lead lead, CrmGateway gateway) {
        CrmId crm = provider.id();
        CrmRecordRef contact = contact(crm, lead, gateway);
        if (!provider.capabilities().contains(CrmCapability.LEAD_RECORDS)) {
            return contact;
        }
        return links.find(lead.tenant(), crm, leadKey(lead))
                .orElseGet(() -> claimed(crm, lead, leadKey(lead), again -> gateway.recordLead(contact, crmLead(lead))));
    }

    private static String leadKey(Lead lead) {
        return "lead:" + lead.id();
    }

    /** The contact, created only if no earlier work did so. */
    private CrmRecordRef contact(CrmId crm, Lead lead, CrmGateway gateway) {
        return links.find(lead.tenant(), crm, contactKey(lead.callerPhone()))
                .orElseGet(() -> upsertContact(crm, lead, gateway));
    }

    private void once(CrmId crm, Lead lead, String key, java.util.function.Function<Boolean, CrmRecordRef> write) {
        if (links.find(lead.tenant(), crm, key).isEmpty()) {
            claimed(crm, lead, key, write);
        }
    }

    /**
     * Writes under a claim on the link, so concurrent work (a lead's details, its booking and its
     * transcript run in parallel) creates each record once; whoever finds the claim taken comes back shortly.
     * {@code write} is told whether an earlier attempt's answer was lost (it may have written the record: look first);
     * a write whose own answer is lost keeps the claim for such a retry.
     */
    private CrmRecordRef claimed(CrmId crm, Lead lead, String key, java.util.function.Function<Boolean, CrmRecordRef> write) {
        CrmLinks.Claim claim = claim(crm, lead, key);
        if (claim == CrmLinks.Claim.TAKEN) {
            throw new CrmThrottle.Saturated(clock.instant().plus(CLAIM_WAIT));
        }
        CrmRecordRef ref;
        try {
            ref = write.apply(claim == CrmLinks.Claim.AGAIN);
        } catch (RuntimeException e) {
            unclaim(crm, lead, key, maybeWritten(e) || claim == CrmLinks.Claim.AGAIN);
            throw e;
        }
        links.complete(lead.tenant(), crm, key, ref);
        return ref;
    }

    /** The job card every CRM's follow-up opens with (see {@link RecordText}), then a blank line; empty when nothing is known. */
    private String card(Lead lead) {
        String card = RecordText.jobCard(lead.details(), null, null, crmLead(lead).zone());
        return card.isEmpty() ? "" : card + "\n\n";
    }

    private CrmLead crmLead(Lead lead) {
        return new CrmLead(lead.id(), lead.callerPhone(), lead.details(), LEAD_SOURCE, link(lead),
                tenants.find(lead.tenant()).map(io.redial.tenants.Tenant::zone).orElse(java.time.ZoneOffset.UTC));
    }

    private CallLog callLog(Lead lead) {
        return jdbc.sql("SELECT from_number, to_number, received_at, outcome FROM calls WHERE tenant_id = ? AND id = ?")
                .params(lead.tenant().value(), lead.callId())
                .query((rs, n) -> new CallLog(lead.callId(), new PhoneNumber(rs.getString(1)), new PhoneNumber(rs.getString(2)),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        summary(rs.getString(4), lead), link(lead)))
                .single();
    }

    private static String summary(@Nullable String outcome, Lead lead) {
        String what = outcome == null ? "Call" : "Call (" + outcome.toLowerCase().replace('_', ' ') + ")";
        return lead.suppressionReason() == null ? what + "; Redial texted the caller back."
                : what + "; no text sent: " + lead.suppressionReason() + ".";
    }

    private URI link(Lead lead) {
        return URI.create(publicBaseUrl + "/leads/" + lead.id());
    }

    static String contactKey(PhoneNumber phone) {
        return "contact:" + phone.e164();
    }

    private static String text(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
