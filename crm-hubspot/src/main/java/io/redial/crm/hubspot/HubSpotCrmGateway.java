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
import io.redial.crm.hubspot.internal.api.CreateObject;
import io.redial.crm.hubspot.internal.api.HubSpotObject;
import io.redial.crm.hubspot.internal.client.HubSpotClient;
import io.redial.crm.hubspot.internal.mapping.HubSpotMapper;
import io.redial.crm.hubspot.internal.mapping.PhoneFormats;
import io.redial.shared.PhoneNumber;
import java.time.Clock;
import java.util.List;
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
    static final String DEALS = "0-3";

    /** Tenant settings (crm_connections.settings). */
    static final String JOB_TARGET = "job_target";
    static final String DEAL_PIPELINE = "deal_pipeline";
    static final String DEAL_STAGE = "deal_stage";

    private final HubSpotClient client;
    private final CrmConnection connection;
    private final Clock clock;

    HubSpotCrmGateway(HubSpotClient client, CrmConnection connection, Clock clock) {
        this.client = client;
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
                return updated.get().id().equals(known.id()) ? known : contact(updated.get().id());
            }
        }
        Optional<CrmRecordRef> found = findCustomer(lead.phone());
        if (found.isPresent()) {
            if (!update.isEmpty()) {
                client.update(CONTACTS, found.get().id(), update);
            }
            return found.get();
        }
        HubSpotObject created = client.create(CONTACTS, new CreateObject(HubSpotMapper.newContact(lead), List.of()));
        return contact(created.id());
    }

    @Override
    public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
        return contactWithPhone(phone).map(c -> contact(c.id()));
    }

    @Override
    public Optional<CrmCustomer> lookUpCustomer(PhoneNumber phone) {
        return contactWithPhone(phone).map(c -> {
            String first = HubSpotMapper.givenName(c.properties().get("firstname"));
            String last = c.properties().get("lastname");
            String full = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
            return new CrmCustomer(contact(c.id()), first, full.isEmpty() ? null : full);
        });
    }

    /** One search: HubSpot's digits-only copies ignore the country code, so prefer a contact whose number is ours. */
    private Optional<HubSpotObject> contactWithPhone(PhoneNumber phone) {
        List<HubSpotObject> results = client.search(CONTACTS, HubSpotMapper.contactsWithPhone(phone)).results();
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
        return created(NOTES, HubSpotMapper.transcriptNote(transcript, source(), clock.instant()), contact,
                HubSpotMapper.NOTE_TO_CONTACT);
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef contact, JobRequest job) {
        if ("task".equals(connection.setting(JOB_TARGET, "deal"))) {
            return created(TASKS, HubSpotMapper.jobTask(job, source()), contact, HubSpotMapper.TASK_TO_CONTACT);
        }
        return created(DEALS, HubSpotMapper.deal(job, null, connection.setting(DEAL_PIPELINE, "default"),
                connection.setting(DEAL_STAGE, "appointmentscheduled"), source()), contact, HubSpotMapper.DEAL_TO_CONTACT);
    }

    @Override
    public CrmRecordRef createTask(CrmRecordRef contact, FollowUpTask task) {
        return created(TASKS, HubSpotMapper.followUp(task), contact, HubSpotMapper.TASK_TO_CONTACT);
    }

    private CrmRecordRef created(String type, Map<String, String> properties, CrmRecordRef contact, int association) {
        HubSpotObject created = client.create(type, CreateObject.associatedTo(properties, contact.id(), association));
        return new CrmRecordRef(type.equals(DEALS) ? "deal" : type.substring(0, type.length() - 1), created.id());
    }

    private static String source() {
        return "Redial (missed call text-back)";
    }

    private static CrmRecordRef contact(String id) {
        return new CrmRecordRef("contact", id);
    }
}
