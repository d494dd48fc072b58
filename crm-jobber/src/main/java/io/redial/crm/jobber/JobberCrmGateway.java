package io.redial.crm.jobber;

import static io.redial.crm.jobber.internal.client.JobberOperation.ASSESSMENT_CREATE;
import static io.redial.crm.jobber.internal.client.JobberOperation.ASSESSMENT_EDIT;
import static io.redial.crm.jobber.internal.client.JobberOperation.CLIENTS_BY_PHONE;
import static io.redial.crm.jobber.internal.client.JobberOperation.CLIENT_BY_ID;
import static io.redial.crm.jobber.internal.client.JobberOperation.CLIENT_CREATE;
import static io.redial.crm.jobber.internal.client.JobberOperation.CLIENT_CREATE_NOTE;
import static io.redial.crm.jobber.internal.client.JobberOperation.CLIENT_EDIT;
import static io.redial.crm.jobber.internal.client.JobberOperation.JOB_CREATE;
import static io.redial.crm.jobber.internal.client.JobberOperation.PROPERTY_CREATE;
import static io.redial.crm.jobber.internal.client.JobberOperation.REQUEST_BY_ID;
import static io.redial.crm.jobber.internal.client.JobberOperation.REQUEST_CREATE;
import static io.redial.crm.jobber.internal.client.JobberOperation.REQUEST_CREATE_NOTE;
import static io.redial.crm.jobber.internal.client.JobberOperation.REQUEST_EDIT;
import static io.redial.crm.jobber.internal.client.JobberOperation.VISIT_CREATE;

import io.redial.crm.CallLog;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmCustomer;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.crm.jobber.internal.client.JobberClient;
import io.redial.crm.jobber.internal.mapping.AddressParts;
import io.redial.crm.jobber.internal.mapping.JobberMapper;
import io.redial.crm.jobber.internal.mapping.JobberPhones;
import io.redial.shared.PhoneNumber;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One Jobber account: the caller as a client (found by phone, else created with the property when Anna has
 * the address), each lead as a request, the transcript as a note on the request, a booking as the request's
 * assessment (default) or as a job with a visit ({@code job_target=job}), an emergency as a pinned note and
 * an emergency mark on the request's title. Writes that a retry could repeat look first (a property by its
 * street, a job by its request and title, a visit by its start), so a retried unit of work adds nothing twice.
 */
final class JobberCrmGateway implements CrmGateway {

    static final String CLIENT = "client";
    static final String REQUEST = "request";

    /** Tenant settings (crm_connections.settings). */
    static final String JOB_TARGET = "job_target";
    static final String TIMEZONE = "timezone";

    private final JobberClient client;
    private final CrmConnection connection;

    JobberCrmGateway(JobberClient client, CrmConnection connection) {
        this.client = client;
        this.connection = connection;
    }

    @Override
    public CrmRecordRef upsertLead(CrmLead lead, @Nullable CrmRecordRef known) {
        if (known != null) {
            JsonNode existing = client.query(CLIENT_BY_ID, Map.of("id", known.id())).path("client");
            if (!existing.isMissingNode() && !existing.isNull()) {
                nameIfStillUnnamed(known.id(), existing, lead);
                return known;
            }
        }
        Optional<JsonNode> found = findClient(lead.phone());
        if (found.isPresent()) {
            nameIfStillUnnamed(found.get().path("id").asString(), found.get(), lead);
            return new CrmRecordRef(CLIENT, found.get().path("id").asString());
        }
        JsonNode created = client.mutate(CLIENT_CREATE, Map.of("input", JobberMapper.newClient(lead)));
        return new CrmRecordRef(CLIENT, created.path("client").path("id").asString());
    }

    @Override
    public Optional<CrmRecordRef> findCustomer(PhoneNumber phone) {
        return findClient(phone).map(c -> new CrmRecordRef(CLIENT, c.path("id").asString()));
    }

    @Override
    public Optional<CrmCustomer> lookUpCustomer(PhoneNumber phone) {
        return findClient(phone).map(c -> {
            String first = c.path("firstName").asString("");
            String last = c.path("lastName").asString("");
            if (JobberMapper.isPlaceholder(first, last, phone)) {
                return new CrmCustomer(new CrmRecordRef(CLIENT, c.path("id").asString()), null, null);
            }
            String full = (first + " " + last).trim();
            return new CrmCustomer(new CrmRecordRef(CLIENT, c.path("id").asString()), first.isBlank() ? null : first,
                    full.isEmpty() ? null : full);
        });
    }

    @Override
    public CrmRecordRef logCall(CrmRecordRef contact, CallLog call) {
        throw new UnsupportedOperationException("Jobber has no call log; the lead's request records the missed call");
    }

    @Override
    public CrmRecordRef recordLead(CrmRecordRef contact, CrmLead lead) {
        String address = lead.details().serviceAddress();
        String propertyId = address == null || address.isBlank() ? null : property(contact.id(), address);
        JsonNode created = client.mutate(REQUEST_CREATE, Map.of("input", JobberMapper.newRequest(contact.id(), propertyId, lead)));
        return new CrmRecordRef(REQUEST, created.path("request").path("id").asString());
    }

    @Override
    public void updateLeadRecord(CrmRecordRef record, CrmLead lead) {
        JsonNode request = request(record);
        Map<String, Object> edit = new LinkedHashMap<>();
        String title = JobberMapper.requestTitle(lead);
        String current = request.path("title").asString("");
        if (current.startsWith(JobberMapper.EMERGENCY_MARK) && !title.startsWith(JobberMapper.EMERGENCY_MARK)) {
            title = JobberMapper.EMERGENCY_MARK + title; // an escalation stays visible whatever the lead learns later
        }
        if (!title.equals(current)) {
            edit.put("title", title);
        }
        String address = lead.details().serviceAddress();
        if (address != null && !address.isBlank() && request.path("property").path("id").isMissingNode()) {
            edit.put("propertyId", property(request.path("client").path("id").asString(), address));
        }
        if (!edit.isEmpty()) {
            client.mutate(REQUEST_EDIT, Map.of("requestId", record.id(), "input", edit));
        }
    }

    /** On the lead's request; on the client only when there is no request to hold it. */
    @Override
    public CrmRecordRef attachTranscript(CrmRecordRef request, Transcript transcript) {
        if (CLIENT.equals(request.type())) {
            JsonNode created = client.mutate(CLIENT_CREATE_NOTE, Map.of("clientId", request.id(),
                    "input", JobberMapper.transcriptNote(transcript, zone())));
            return new CrmRecordRef("note", created.path("clientNote").path("id").asString());
        }
        JsonNode created = client.mutate(REQUEST_CREATE_NOTE, Map.of("requestId", request.id(),
                "input", JobberMapper.transcriptNote(transcript, zone())));
        return new CrmRecordRef("note", created.path("requestNote").path("id").asString());
    }

    @Override
    public CrmRecordRef bookJob(CrmRecordRef requestRef, JobRequest job) {
        JsonNode request = request(requestRef);
        if ("job".equals(connection.setting(JOB_TARGET, "assessment"))) {
            return jobWithVisit(requestRef, request, job);
        }
        String assessment = request.path("assessment").path("id").asString("");
        if (!assessment.isEmpty()) { // a request holds one assessment: a new window moves it
            client.mutate(ASSESSMENT_EDIT, Map.of("assessmentId", assessment, "input", JobberMapper.assessment(job, zone())));
            return new CrmRecordRef("assessment", assessment);
        }
        JsonNode created = client.mutate(ASSESSMENT_CREATE, Map.of("requestId", requestRef.id(),
                "input", JobberMapper.assessment(job, zone())));
        return new CrmRecordRef("assessment", created.path("assessment").path("id").asString());
    }

    @Override
    public CrmRecordRef createTask(CrmRecordRef request, FollowUpTask task) {
        String title = request(request).path("title").asString("");
        if (!title.startsWith(JobberMapper.EMERGENCY_MARK)) {
            client.mutate(REQUEST_EDIT, Map.of("requestId", request.id(), "input", Map.of("title", JobberMapper.EMERGENCY_MARK + title)));
        }
        JsonNode note = client.mutate(REQUEST_CREATE_NOTE, Map.of("requestId", request.id(), "input", JobberMapper.emergencyNote(task)));
        return new CrmRecordRef("note", note.path("requestNote").path("id").asString());
    }

    private CrmRecordRef jobWithVisit(CrmRecordRef requestRef, JsonNode request, JobRequest job) {
        String title = JobberMapper.jobTitle(job);
        JsonNode existing = null;
        for (JsonNode candidate : request.path("jobs").path("nodes")) {
            if (title.equals(candidate.path("title").asString(""))) {
                existing = candidate; // made by an earlier try of this booking that died before it was recorded
            }
        }
        String jobId;
        if (existing != null) {
            jobId = existing.path("id").asString();
            for (JsonNode visit : existing.path("visits").path("nodes")) {
                if (sameInstant(visit.path("startAt").asString(""), job.start())) {
                    return new CrmRecordRef("job", jobId);
                }
            }
        } else {
            String propertyId = request.path("property").path("id").asString("");
            if (propertyId.isEmpty()) {
                if (job.serviceAddress() == null || job.serviceAddress().isBlank()) {
                    throw new CrmRejected("Jobber needs a service address for a job, and the caller gave none", null);
                }
                propertyId = property(request.path("client").path("id").asString(), job.serviceAddress());
            }
            jobId = client.mutate(JOB_CREATE, Map.of("input", JobberMapper.job(requestRef.id(), propertyId, job, zone())))
                    .path("job").path("id").asString();
        }
        client.mutate(VISIT_CREATE, Map.of("jobId", jobId, "input", JobberMapper.visit(job, zone())));
        return new CrmRecordRef("job", jobId);
    }

    /** The client's property at this street, created when the client has none there. */
    private String property(String clientId, String address) {
        String street = AddressParts.street(address);
        for (JsonNode p : client.query(CLIENT_BY_ID, Map.of("id", clientId)).path("client").path("properties")) {
            if (street.equalsIgnoreCase(p.path("address").path("street1").asString(""))) {
                return p.path("id").asString();
            }
        }
        JsonNode created = client.mutate(PROPERTY_CREATE, Map.of("clientId", clientId,
                "input", Map.of("properties", java.util.List.of(JobberMapper.property(address)))));
        return created.path("properties").path(0).path("id").asString();
    }

    private JsonNode request(CrmRecordRef ref) {
        JsonNode request = client.query(REQUEST_BY_ID, Map.of("id", ref.id())).path("request");
        if (request.isMissingNode() || request.isNull()) {
            throw new CrmRejected("the Jobber request " + ref.id() + " no longer exists", null);
        }
        return request;
    }

    private Optional<JsonNode> findClient(PhoneNumber phone) {
        JsonNode nodes = client.query(CLIENTS_BY_PHONE, Map.of("searchTerm", JobberPhones.searchTerm(phone)))
                .path("clients").path("nodes");
        for (JsonNode candidate : nodes) {
            for (JsonNode number : candidate.path("phones")) {
                if (JobberPhones.sameNumber(number.path("number").asString(null), phone)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private void nameIfStillUnnamed(String clientId, JsonNode existing, CrmLead lead) {
        String name = lead.details().callerName();
        if (name != null && !name.isBlank() && JobberMapper.isPlaceholder(existing.path("firstName").asString(""),
                existing.path("lastName").asString(""), lead.phone())) {
            client.mutate(CLIENT_EDIT, Map.of("clientId", clientId, "input", JobberMapper.names(name, lead.phone())));
        }
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(connection.setting(TIMEZONE, "UTC"));
        } catch (DateTimeException unknownZone) {
            return ZoneId.of("UTC");
        }
    }

    private static boolean sameInstant(String iso, Instant instant) {
        try {
            return java.time.OffsetDateTime.parse(iso).toInstant().equals(instant);
        } catch (DateTimeException notADate) {
            return false;
        }
    }
}
