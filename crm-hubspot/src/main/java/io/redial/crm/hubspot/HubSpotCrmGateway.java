package io.redial.crm.hubspot;

import io.redial.crm.CallLog;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmCustomer;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmItemResult;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.hubspot.internal.api.BatchInput;
import io.redial.crm.hubspot.internal.api.BatchResult;
import io.redial.crm.hubspot.internal.api.CreateObject;
import io.redial.crm.hubspot.internal.api.SearchRequest;
import io.redial.crm.hubspot.internal.api.SearchResult;
import io.redial.crm.hubspot.internal.client.HubSpotErrors;
import io.redial.crm.hubspot.internal.api.HubSpotObject;
import io.redial.crm.hubspot.internal.client.HubSpotClient;
import io.redial.crm.hubspot.internal.mapping.HubSpotMapper;
import io.redial.crm.hubspot.internal.mapping.PhoneFormats;
import io.redial.shared.PhoneNumber;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One HubSpot portal: contacts found by phone (E.164 and the formats people type), a missed call as a
 * call engagement, a transcript as a note, a booked job as a deal (or a task), an emergency as a
 * high-priority task, each associated with the contact.
 */
final class HubSpotCrmGateway implements CrmGateway {

    static final String CONTACTS = "contacts";
    static final String CALLS = "calls";
    static final String NOTES = "notes";
    static final String TASKS = "tasks";
    static final String MEETINGS = "meetings";
    static final String DEALS = "0-3";

    /** Tenant settings (crm_connections.settings). */
    static final String JOB_TARGET = "job_target";
    static final String DEAL_PIPELINE = "deal_pipeline";
    static final String DEAL_STAGE = "deal_stage";

    private static final int MAX_BATCH = 100;

    private final HubSpotClient client;
    private final Set<String> keyedPortals;
    private final CrmConnection connection;
    private final Clock clock;

    HubSpotCrmGateway(HubSpotClient client, CrmConnection connection, Clock clock, Set<String> keyedPortals) {
        this.client = client;
        this.keyedPortals = keyedPortals;
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
        Map<String, String> update = HubSpotMapper.contactUpdate(lead);
        if (known != null) {
            Optional<HubSpotObject> updated = update.isEmpty() ? Optional.of(new HubSpotObject(known.id(), Map.of()))
                    : client.update(CONTACTS, known.id(), update);
            if (updated.isPresent()) {
                // A contact merged into another still answers, with the surviving record: follow it.
                HubSpotObject answer = updated.get();
                return answer.id().equals(known.id()) && HubSpotMapper.recordUrl(answer.url()) == null ? known : contact(answer);
            }
        }
        Optional<CrmRecordRef> found = findCustomer(lead.phone());
        if (found.isPresent()) {
            if (!update.isEmpty()) {
                client.update(CONTACTS, found.get().id(), update);
            }
            return found.get();
        }
        return contact(client.create(CONTACTS, new CreateObject(HubSpotMapper.newContact(lead), List.of())));
    }

    /**
     * New leads' contacts in few requests: one search per 50 numbers (several filter groups, IN filters) finds
     * those HubSpot already has; the rest are upserted 100 at a time on {@link HubSpotMapper#PHONE_KEY}, the
     * custom unique property made for it, so a batch sent twice (a crash, a lost answer) makes no second contact.
     * A lead core already linked is updated as by {@link #upsertLead}.
     */
    @Override
    public List<CrmItemResult> upsertLeads(List<ContactWrite> writes) {
        CrmItemResult[] results = new CrmItemResult[writes.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ContactWrite write = writes.get(i);
            if (write.known() == null) {
                unknown.add(i);
            } else {
                results[i] = each(() -> upsertLead(write.lead(), write.known()));
            }
        }
        Map<PhoneNumber, HubSpotObject> existing = contactsWithPhones(
                unknown.stream().map(i -> writes.get(i).lead().phone()).distinct().toList());
        List<Integer> toCreate = new ArrayList<>();
        for (int i : unknown) {
            CrmLead lead = writes.get(i).lead();
            HubSpotObject found = existing.get(lead.phone());
            if (found == null) {
                toCreate.add(i);
                continue;
            }
            Map<String, String> update = HubSpotMapper.contactUpdate(lead);
            results[i] = each(() -> {
                if (!update.isEmpty()) {
                    client.update(CONTACTS, found.id(), update);
                }
                return contact(found);
            });
        }
        for (int from = 0; from < toCreate.size(); from += MAX_BATCH) {
            List<Integer> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + MAX_BATCH));
            boolean keyed = phoneKeyReady();
            List<BatchInput.Input> inputs = chunk.stream().map(i -> {
                CrmLead lead = writes.get(i).lead();
                Map<String, String> properties = new LinkedHashMap<>(HubSpotMapper.newContact(lead));
                if (!keyed) {
                    return BatchInput.Input.create(new CreateObject(properties, List.of()), String.valueOf(i));
                }
                properties.put(HubSpotMapper.PHONE_KEY, lead.phone().e164());
                return BatchInput.Input.upsert(HubSpotMapper.PHONE_KEY, lead.phone().e164(), properties, String.valueOf(i));
            }).toList();
            BatchResult answer = client.batch(CONTACTS, keyed ? "upsert" : "create", new BatchInput(inputs));
            spread(answer, chunk, results, written -> record("contact", written.id(), written.url()));
        }
        return List.of(results);
    }

    /**
     * Missed calls in batches of 100, each associated to its contact in the same request; a 207 answer
     * fails only the inputs it names. A retried call is looked for first, as {@link #createAll} says.
     */
    @Override
    public List<CrmItemResult> logCalls(List<CallWrite> writes) {
        return createAll(CALLS, writes.stream().map(w -> CreateObject.associatedTo(HubSpotMapper.missedCall(w.call(), source()),
                w.contact().id(), HubSpotMapper.CALL_TO_CONTACT)).toList(), writes.stream().map(CallWrite::retried).toList());
    }

    /** Follow-up tasks; core sends one here when an earlier attempt's answer was lost, so it is looked for first. */
    @Override
    public List<CrmItemResult> createTasks(List<TaskWrite> writes) {
        return createAll(TASKS, writes.stream().map(w -> CreateObject.associatedTo(HubSpotMapper.followUp(w.task()),
                w.target().id(), HubSpotMapper.TASK_TO_CONTACT)).toList(), writes.stream().map(TaskWrite::retried).toList());
    }

    /** Transcripts as notes, 100 a request, each associated to its contact inline. */
    @Override
    public List<CrmItemResult> attachTranscripts(List<TranscriptWrite> writes) {
        return createAll(NOTES, writes.stream().map(w -> CreateObject.associatedTo(
                HubSpotMapper.transcriptNote(w.transcript(), w.lead(), source(), clock.instant()), w.target().id(),
                HubSpotMapper.NOTE_TO_CONTACT)).toList(), writes.stream().map(CrmGateway.TranscriptWrite::retried).toList());
    }

    /** Booked jobs as deals (or tasks, as the tenant chose), 100 a request, each associated to its contact inline. */
    @Override
    public List<CrmItemResult> bookJobs(List<JobWrite> writes) {
        return createAll(jobType(), writes.stream().map(w -> jobObject(w.target(), w.job(), w.lead())).toList(),
                writes.stream().map(CrmGateway.JobWrite::retried).toList());
    }

    /** Each booked job on the office's calendar: a meeting with the contact, outcome SCHEDULED. */
    @Override
    public List<CrmItemResult> scheduleMeetings(List<JobWrite> writes) {
        return createAll(MEETINGS, writes.stream().map(w -> CreateObject.associatedTo(HubSpotMapper.meeting(w.job(), w.lead(), source()),
                w.target().id(), HubSpotMapper.MEETING_TO_CONTACT)).toList(), writes.stream().map(CrmGateway.JobWrite::retried).toList());
    }

    /**
     * Records of one type in batches of 100 with their associations inline; a 207 answer fails only the inputs it
     * names. A {@code retried} input (an earlier attempt's answer was lost) is first looked for by its marker and
     * contact, and answered with the record found instead of being written again.
     */
    private List<CrmItemResult> createAll(String type, List<CreateObject> objects, List<Boolean> retried) {
        CrmItemResult[] results = new CrmItemResult[objects.size()];
        List<Integer> lookFor = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (retried.get(i)) {
                lookFor.add(i);
            }
        }
        alreadyWritten(type, objects, lookFor).forEach((i, found) -> results[i] = CrmItemResult.of(record(refType(type), found.id(), found.url())));
        List<Integer> toWrite = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (results[i] == null) {
                toWrite.add(i);
            }
        }
        for (int from = 0; from < toWrite.size(); from += MAX_BATCH) {
            List<Integer> chunk = toWrite.subList(from, Math.min(toWrite.size(), from + MAX_BATCH));
            List<BatchInput.Input> inputs = chunk.stream().map(i -> BatchInput.Input.create(objects.get(i), String.valueOf(i))).toList();
            spread(client.batch(type, "create", new BatchInput(inputs)), chunk, results,
                    written -> record(refType(type), written.id(), written.url()));
        }
        return List.of(results);
    }

    /**
     * Of {@code inputs}, those HubSpot has already (input → record): one search per five, each input a filter group
     * on its marker time and its contact. The search is on its own budget; a failed one fails the whole request.
     */
    private Map<Integer, HubSpotObject> alreadyWritten(String type, List<CreateObject> objects, List<Integer> inputs) {
        String marker = HubSpotMapper.marker(type);
        // Search results carry no associations: inputs that share a marker time go in different searches.
        List<Map<java.time.Instant, Integer>> searches = new ArrayList<>();
        for (int i : inputs) {
            java.time.Instant at = instant(objects.get(i).properties().get(marker));
            Map<java.time.Instant, Integer> search = searches.stream()
                    .filter(s -> s.size() < SearchRequest.MAX_GROUPS && !s.containsKey(at)).findFirst().orElse(null);
            if (search == null) {
                search = new LinkedHashMap<>();
                searches.add(search);
            }
            search.put(at, i);
        }
        Map<Integer, HubSpotObject> found = new HashMap<>();
        for (Map<java.time.Instant, Integer> byMarker : searches) {
            List<Map.Entry<java.time.Instant, String>> wanted = byMarker.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), objects.get(e.getValue()).associations().getFirst().to().id())).toList();
            for (HubSpotObject record : client.search(type, HubSpotMapper.markedRecords(type, wanted)).results()) {
                Integer input = byMarker.get(markedAt(record.properties().get(marker)));
                if (input != null) {
                    found.putIfAbsent(input, record);
                }
            }
        }
        return found;
    }

    /** A found record's marker; null (no match) for a value that is no datetime. */
    private static java.time.@Nullable Instant markedAt(@Nullable String value) {
        try {
            return value == null ? null : instant(value);
        } catch (RuntimeException notADatetime) {
            return null;
        }
    }

    /** HubSpot answers datetimes as ISO instants; epoch milliseconds are read too. */
    private static java.time.Instant instant(String value) {
        return value.chars().allMatch(Character::isDigit) ? java.time.Instant.ofEpochMilli(Long.parseLong(value))
                : java.time.Instant.parse(value);
    }

    /**
     * A batch answer onto its inputs, by the trace id each carried: written, failed as HubSpot said, or (named
     * nowhere in the answer) to be tried again.
     */
    private static void spread(BatchResult answer, List<Integer> inputs, CrmItemResult[] results,
            java.util.function.Function<BatchResult.Written, CrmRecordRef> ref) {
        for (BatchResult.Written written : answer.results()) {
            Integer input = trace(written.objectWriteTraceId(), inputs);
            if (input != null) {
                results[input] = CrmItemResult.of(ref.apply(written));
            }
        }
        for (BatchResult.InputError error : answer.errorsOrEmpty()) {
            List<String> traces = error.context() == null ? List.of()
                    : error.context().getOrDefault("objectWriteTraceId", List.of());
            for (String traceId : traces) {
                Integer input = trace(traceId, inputs);
                if (input != null && results[input] == null) {
                    results[input] = CrmItemResult.failed(HubSpotErrors.forInput(error.status(), error.category(), error.message()));
                }
            }
        }
        for (int input : inputs) {
            if (results[input] == null) {
                results[input] = CrmItemResult.failed(new CrmUnavailable("HubSpot's batch answer named no outcome for this input", null, null));
            }
        }
    }

    private static @Nullable Integer trace(@Nullable String traceId, List<Integer> inputs) {
        try {
            Integer input = traceId == null ? null : Integer.valueOf(traceId);
            return input != null && inputs.contains(input) ? input : null;
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /**
     * The upsert key exists in this portal: made once (HubSpot answers 409 when it is there already). A portal
     * that installed before the app asked for {@code crm.schemas.contacts.write} cannot have it: its new contacts
     * are then created after the search, the link table still keeping each lead's contact single.
     */
    private boolean phoneKeyReady() {
        String portal = connection.externalAccountId() == null ? "" : connection.externalAccountId();
        if (keyedPortals.contains(portal)) {
            return true;
        }
        try {
            client.createProperty(CONTACTS, HubSpotMapper.phoneKeyProperty());
        } catch (CrmAuthExpired missingScope) {
            return false;
        }
        keyedPortals.add(portal);
        return true;
    }

    /** Contacts with any of {@code phones}, a search per 50 numbers, each page read. */
    private Map<PhoneNumber, HubSpotObject> contactsWithPhones(List<PhoneNumber> phones) {
        Map<PhoneNumber, HubSpotObject> found = new HashMap<>();
        for (int from = 0; from < phones.size(); from += HubSpotMapper.PHONES_PER_SEARCH) {
            List<PhoneNumber> chunk = phones.subList(from, Math.min(phones.size(), from + HubSpotMapper.PHONES_PER_SEARCH));
            List<HubSpotObject> results = new ArrayList<>();
            String after = "0";
            do {
                SearchResult page = client.search(CONTACTS, HubSpotMapper.contactsWithPhones(chunk, after));
                results.addAll(page.results());
                after = page.nextAfter();
            } while (after != null);
            for (PhoneNumber phone : chunk) {
                HubSpotMapper.bestMatch(phone, results).ifPresent(c -> found.put(phone, c));
            }
        }
        return found;
    }

    private static CrmItemResult each(java.util.function.Supplier<CrmRecordRef> write) {
        try {
            return CrmItemResult.of(write.get());
        } catch (io.redial.crm.CrmException failure) {
            return CrmItemResult.failed(failure);
        }
    }

    @Override
    public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
        return contactWithPhone(phone).map(HubSpotCrmGateway::contact);
    }

    @Override
    public Optional<CrmCustomer> lookUpCustomer(PhoneNumber phone) {
        return contactWithPhone(phone).map(c -> {
            String first = HubSpotMapper.givenName(c.properties().get("firstname"));
            String last = c.properties().get("lastname");
            String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
            return new CrmCustomer(contact(c), first, full.isEmpty() ? null : full);
        });
    }

    /** One search: HubSpot's digits-only copies ignore the country code, so prefer a contact whose number is ours. */
    private Optional<HubSpotObject> contactWithPhone(PhoneNumber phone) {
        List<HubSpotObject> results = HubSpotMapper.oldestFirst(client.search(CONTACTS, HubSpotMapper.contactsWithPhone(phone)).results());
        return results.stream()
                .filter(c -> phone.equals(PhoneFormats.read(c.properties().get("phone"), phone).orElse(null))
                        || phone.equals(PhoneFormats.read(c.properties().get("mobilephone"), phone).orElse(null)))
                .findFirst()
                .or(() -> results.stream().findFirst());
    }

    @Override
    public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
        return created(CALLS, HubSpotMapper.missedCall(call, source()), contact, HubSpotMapper.CALL_TO_CONTACT);
    }

    @Override
    public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript) {
        return attachTranscript(contact, transcript, null);
    }

    @Override
    public CrmRecordRef attachTranscript(CrmRecordRef contact, Transcript transcript, @Nullable CrmLead lead) {
        return created(NOTES, HubSpotMapper.transcriptNote(transcript, lead, source(), clock.instant()), contact,
                HubSpotMapper.NOTE_TO_CONTACT);
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
        return bookJob(contact, job, null);
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job, @Nullable CrmLead lead) {
        return created(jobType(), jobObject(contact, job, lead));
    }

    private String jobType() {
        return "task".equals(connection.setting(JOB_TARGET, "deal")) ? TASKS : DEALS;
    }

    private CreateObject jobObject(CrmRecordRef contact, JobRequest job, @Nullable CrmLead lead) {
        if (jobType().equals(TASKS)) {
            return CreateObject.associatedTo(HubSpotMapper.jobTask(job, lead, source()), contact.id(), HubSpotMapper.TASK_TO_CONTACT);
        }
        return CreateObject.associatedTo(HubSpotMapper.deal(job, lead, connection.setting(DEAL_PIPELINE, "default"),
                connection.setting(DEAL_STAGE, "appointmentscheduled"), source()), contact.id(), HubSpotMapper.DEAL_TO_CONTACT);
    }

    @Override
    public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
        return created(TASKS, HubSpotMapper.followUp(task), contact, HubSpotMapper.TASK_TO_CONTACT);
    }

    private CrmRecordRef created(String type, Map<String, String> properties, CrmRecordRef contact, int association) {
        return created(type, CreateObject.associatedTo(properties, contact.id(), association));
    }

    private CrmRecordRef created(String type, CreateObject object) {
        HubSpotObject created = client.create(type, object);
        return record(refType(type), created.id(), created.url());
    }

    private static String refType(String type) {
        return type.equals(DEALS) ? "deal" : type.substring(0, type.length() - 1);
    }

    private static String source() {
        return "Redial (missed call text-back)";
    }

    private static CrmRecordRef contact(HubSpotObject contact) {
        return record("contact", contact.id(), contact.url());
    }

    /** Contacts and deals keep the page HubSpot's answer named, when it is one of HubSpot's; the rest show on the contact. */
    private static CrmRecordRef record(String type, String id, @Nullable String url) {
        boolean ownPage = type.equals("contact") || type.equals("deal");
        return new CrmRecordRef(type, id, ownPage ? HubSpotMapper.recordUrl(url) : null);
    }
}
