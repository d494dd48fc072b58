package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CallLog;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmThrottle;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every request the fake received while the adapter did all it does (contacts one by one and in batches, the
 * look-up, a merged contact, calls, notes, meetings, deals, tasks, the Webhooks Journal and its token) checked
 * against HubSpot's OpenAPI specs. The specs live beside the project in {@code ../shared/docs/hubspot/}; without
 * them the test is skipped and says so.
 */
class HubSpotConformanceTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final URI LINK = URI.create("https://redial.example.com/leads/77");
    /**
     * HubSpot publishes no spec for the properties API, and a journal entry's pre-signed file is no API: those
     * requests are listed, not checked.
     */
    static final List<String> UNPUBLISHED = List.of("/crm/properties/", "/journal-files/");

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Test
    void everyRequestOfTheAdapterMatchesHubSpotsSpecs() throws Exception {
        var specs = HubSpotSpecs.load();
        Assumptions.assumeTrue(specs.isPresent(), "SKIPPED: HubSpot's OpenAPI specs are not at " + HubSpotSpecs.where()
                + " (they are kept beside the project, never in it); nothing was checked");

        exerciseEverything();

        List<String> problems = new ArrayList<>();
        Map<String, Integer> operations = new TreeMap<>();
        List<String> unchecked = new ArrayList<>();
        List<HubSpotSpecs.Request> received = hubspot.received();
        for (var request : received) {
            if (UNPUBLISHED.stream().anyMatch(request.path()::startsWith)) {
                unchecked.add(request.method() + " " + request.path());
                continue;
            }
            problems.addAll(specs.get().check(request));
            operations.merge(String.valueOf(specs.get().operation(request)), 1, Integer::sum);
        }
        System.out.print("HubSpot conformance: " + received.size() + " requests checked against " + HubSpotSpecs.where()
                + "\n  operations: " + operations + "\n  not checked (no published spec): " + unchecked
                + "\n  problems: " + problems.size() + "\n" + String.join("\n", problems) + "\n");
        assertThat(operations.keySet()).as("the whole repertoire was exercised").hasSizeGreaterThanOrEqualTo(8);
        assertThat(problems).isEmpty();
    }

    private static void exerciseEverything() {
        HubSpotCrmProvider provider = new HubSpotCrmProvider(new HubSpotProperties(FakeHubSpot.CLIENT_ID,
                FakeHubSpot.CLIENT_SECRET, hubspot.baseUrl(), hubspot.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(20)),
                Clock.systemUTC());
        CrmGateway gateway = provider.connect(new CrmConnection(1, new TenantId("conformance"), HubSpotCrmProvider.ID, "4242", hubspot.issueAccessToken(),
                        Map.of(), CrmThrottle.NONE));
        CrmLead dana = lead("+15125550301", "Dana Whitfield");
        CrmRecordRef contact = gateway.upsertLead(dana, null); // search, then create
        gateway.upsertLead(dana, contact); // update
        String older = hubspot.seedContact(Map.of("firstname", "Old", "phone", "+15125550302"));
        String newer = hubspot.seedContact(Map.of("firstname", "New", "phone", "+15125550303"));
        hubspot.mergeContacts(older, newer);
        gateway.upsertLead(lead("+15125550302", "Ray"), new CrmRecordRef("contact", older)); // merged: followed
        gateway.lookUpCustomer(dana.phone());
        var contacts = gateway.upsertLeads(List.of(new CrmGateway.ContactWrite(lead("+15125550304", null), null),
                new CrmGateway.ContactWrite(lead("+15125550305", "Lee Park"), null))); // batch search, property, upsert
        CrmRecordRef batched = contacts.getFirst().record();
        gateway.logCalls(List.of(new CrmGateway.CallWrite(batched, new CallLog(9, new PhoneNumber("+15125550304"),
                new PhoneNumber("+15125550100"), Instant.parse("2026-12-08T19:00:00Z"), "Call (missed)", LINK))));
        Transcript transcript = new Transcript(3, List.of(new Transcript.Line(Instant.parse("2026-12-08T19:01:00Z"), "caller",
                "No heat")), LINK);
        gateway.attachTranscripts(List.of(new CrmGateway.TranscriptWrite(batched, transcript, dana)));
        gateway.attachTranscript(contact, transcript, dana);
        JobRequest job = new JobRequest(77, Instant.parse("2026-12-08T19:00:00Z"), Instant.parse("2026-12-08T21:00:00Z"),
                "Furnace repair", "1200 Barton Springs Rd", LINK);
        gateway.bookJobs(List.of(new CrmGateway.JobWrite(contact, job, dana)));
        gateway.scheduleMeetings(List.of(new CrmGateway.JobWrite(contact, job, dana)));
        gateway.bookJob(contact, job, dana);
        // Retries after a lost answer: each looks for its record first (searches of notes, meetings, deals). Rate
        // limits are not what this test checks, and this client shares no budget that would pace its searches.
        hubspot.limitRequests(100_000, 100_000);
        gateway.attachTranscripts(List.of(new CrmGateway.TranscriptWrite(batched, transcript, dana, true)));
        gateway.bookJobs(List.of(new CrmGateway.JobWrite(contact, job, dana, true)));
        gateway.scheduleMeetings(List.of(new CrmGateway.JobWrite(contact, job, dana, true)));
        gateway.createTask(contact, new FollowUpTask(77, "EMERGENCY: call now", "Gas smell", FollowUpTask.Priority.HIGH,
                Instant.parse("2026-12-08T19:05:00Z"), LINK));
        hubspot.journalUninstall(4242); // the Webhooks Journal: a client-credentials token, earliest, then next
        var journal = provider.journal().orElseThrow();
        var entry = journal.next(null).orElseThrow();
        assertThat(entry.uninstalledAccounts()).containsExactly("4242");
        assertThat(journal.next(entry.offset())).isEmpty();
    }

    private static CrmLead lead(String phone, String name) {
        return new CrmLead(77, new PhoneNumber(phone), new LeadDetails(name, "1200 Barton Springs Rd", true, "no heat", "hvac",
                Urgency.URGENT), "Redial (missed call text-back)", LINK, ZoneId.of("America/Chicago"));
    }
}
