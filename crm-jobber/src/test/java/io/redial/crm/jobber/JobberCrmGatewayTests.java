package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.FollowUpTask;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What lands in Jobber for a lead, its transcript, its booking and an emergency, against the fake. */
class JobberCrmGatewayTests {

    static final FakeJobber jobber = new FakeJobber();
    static final JobberCrmProvider provider = JobberCrmGatewayContractTests.provider(jobber, Duration.ofSeconds(20));
    static final String token = jobber.issueAccessToken();
    static final AtomicInteger numbers = new AtomicInteger(100);
    static final URI LINK = URI.create("https://redial.example.com/leads/42");

    @AfterAll
    static void stop() {
        jobber.close();
    }

    @Test
    void everyRequestPinsTheConfiguredVersion() {
        gateway().findCustomer(phone());

        assertThat(jobber.versionsSeen()).isNotEmpty().containsOnly(FakeJobber.VERSION);
    }

    @Test
    void findsTheClientWhateverFormatTheOfficeTypedAndIgnoresLooseSearchMatches() {
        PhoneNumber phone = phone();
        String digits = phone.e164().substring(2);
        jobber.seedClient("Near", "Miss", digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6) + "7");
        String typed = jobber.seedClient("Dolores", "Park",
                "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + " " + digits.substring(6) + " ext 4");

        assertThat(gateway().findCustomer(phone)).contains(new CrmRecordRef("client", typed));
        assertThat(gateway().lookUpCustomer(phone)).hasValueSatisfying(c -> assertThat(c.firstName()).isEqualTo("Dolores"));
    }

    @Test
    void aNewCallerBecomesAClientWithNamePhoneAndProperty() {
        CrmLead lead = lead(phone(), "Dana Ortiz", "12 Elm St, Austin, TX 78701", null, null, null);

        CrmRecordRef client = gateway().upsertLead(lead, null);

        assertThat(jobber.clientsWithPhone(lead.phone())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(client.id());
            assertThat(c.firstName()).isEqualTo("Dana");
            assertThat(c.lastName()).isEqualTo("Ortiz");
        });
        assertThat(jobber.propertiesOf(client.id())).singleElement().satisfies(p -> assertThat(p.address())
                .containsEntry("street1", "12 Elm St").containsEntry("city", "Austin").containsEntry("province", "TX")
                .containsEntry("postalCode", "78701"));
    }

    @Test
    void aCallerWithoutANameYetIsNamedOnceKnownButAnOfficesNameIsKept() {
        PhoneNumber phone = phone();
        CrmRecordRef client = gateway().upsertLead(lead(phone, null, null, null, null, null), null);
        assertThat(jobber.clientsWithPhone(phone).getFirst().firstName()).isEqualTo("Caller");
        assertThat(gateway().lookUpCustomer(phone)).hasValueSatisfying(c -> assertThat(c.firstName()).isNull());

        gateway().upsertLead(lead(phone, "Dana Whitfield", null, null, null, null), client);
        assertThat(jobber.clientsWithPhone(phone).getFirst()).satisfies(c -> {
            assertThat(c.firstName()).isEqualTo("Dana");
            assertThat(c.lastName()).isEqualTo("Whitfield");
        });

        PhoneNumber other = phone();
        String office = jobber.seedClient("Robert", "Vance", other.e164());
        assertThat(gateway().upsertLead(lead(other, "Bob", null, null, null, null), null)).isEqualTo(new CrmRecordRef("client", office));
        assertThat(jobber.clientsWithPhone(other).getFirst().firstName()).isEqualTo("Robert");
    }

    @Test
    void aLeadBecomesARequestTitledForTriageWithItsDetailsAndALinkBack() {
        CrmLead lead = lead(phone(), "Dana Ortiz", "12 Elm St, Austin, TX 78701", "Water heater leaking everywhere",
                "plumbing", Urgency.URGENT);
        CrmRecordRef client = gateway().upsertLead(lead, null);

        CrmRecordRef request = gateway().recordLead(client, lead);

        FakeJobber.JobberRequest stored = jobber.request(request.id());
        assertThat(stored.clientId()).isEqualTo(client.id());
        assertThat(stored.propertyId()).isEqualTo(jobber.propertiesOf(client.id()).getFirst().id());
        assertThat(stored.title()).isEqualTo("Urgent: Plumbing – Water heater leaking everywhere");
        assertThat(stored.details().toString()).contains("Water heater leaking everywhere").contains("plumbing")
                .contains("urgent").contains(LINK.toString()).contains(lead.phone().e164());
    }

    @Test
    void laterDetailsRetitleTheRequestAndGiveItOnePropertyHoweverOftenTheyArrive() {
        PhoneNumber phone = phone();
        CrmRecordRef client = gateway().upsertLead(lead(phone, null, null, null, null, null), null);
        CrmRecordRef request = gateway().recordLead(client, lead(phone, null, null, null, null, null));
        assertThat(jobber.request(request.id()).title()).startsWith("Missed call – from (");

        CrmLead known = lead(phone, "Dana Ortiz", "1200 Barton Springs Rd, Austin TX 78704", "AC rattles", "hvac", Urgency.ROUTINE);
        gateway().updateLeadRecord(request, known);
        gateway().updateLeadRecord(request, known);

        assertThat(jobber.request(request.id()).title()).isEqualTo("Hvac – AC rattles");
        assertThat(jobber.propertiesOf(client.id())).singleElement()
                .satisfies(p -> assertThat(jobber.request(request.id()).propertyId()).isEqualTo(p.id()));
    }

    @Test
    void theTranscriptIsANoteOnTheRequest() {
        CrmLead lead = lead(phone(), "Dana Ortiz", null, "No heat", "hvac", null);
        CrmRecordRef request = gateway().recordLead(gateway().upsertLead(lead, null), lead);
        Instant at = Instant.parse("2026-11-25T15:04:05Z");

        gateway().attachTranscript(request, new Transcript(7, List.of(new Transcript.Line(at, "caller", "Furnace is dead")), LINK));

        assertThat(jobber.notesOf(request.id())).singleElement()
                .satisfies(n -> assertThat(n.message()).contains("Furnace is dead").contains(LINK.toString()));
    }

    @Test
    void aBookingIsTheRequestsAssessmentInTheTenantsZoneAndANewWindowMovesIt() {
        CrmLead lead = lead(phone(), "Dana Ortiz", "12 Elm St, Austin, TX 78701", "No heat", "hvac", null);
        CrmGateway gateway = gateway(Map.of("timezone", "America/Chicago"));
        CrmRecordRef request = gateway.recordLead(gateway.upsertLead(lead, null), lead);
        Instant start = Instant.parse("2026-12-08T15:00:00Z");

        CrmRecordRef first = gateway.bookJob(request, job(start));
        CrmRecordRef moved = gateway.bookJob(request, job(start.plus(Duration.ofDays(1))));

        assertThat(moved).isEqualTo(first);
        assertThat(jobber.assessmentsOf(request.id())).singleElement().satisfies(a -> {
            assertThat(a.startAt()).isEqualTo(LocalDateTime.parse("2026-12-09T09:00:00"));
            assertThat(a.endAt()).isEqualTo(LocalDateTime.parse("2026-12-09T11:00:00"));
            assertThat(a.timezone()).isEqualTo("America/Chicago");
            assertThat(a.instructions()).startsWith("Window: Wed Dec 9, 9–11 AM CST\n").contains(LINK.toString());
        });
    }

    @Test
    void inJobModeABookingIsAJobWithoutGeneratedVisitsPlusOneVisitForTheWindowAndARetryAddsNothing() {
        CrmLead lead = lead(phone(), "Dana Ortiz", "12 Elm St, Austin, TX 78701", "No heat", "hvac", null);
        CrmGateway gateway = gateway(Map.of("job_target", "job", "timezone", "America/Chicago"));
        CrmRecordRef request = gateway.recordLead(gateway.upsertLead(lead, null), lead);
        Instant start = Instant.parse("2026-12-08T15:00:00Z");

        CrmRecordRef job = gateway.bookJob(request, job(start));
        CrmRecordRef retried = gateway.bookJob(request, job(start));

        assertThat(retried).isEqualTo(job);
        assertThat(jobber.jobsOf(request.id())).singleElement().satisfies(j -> {
            assertThat(j.input()).extractingByKey("scheduling").isEqualTo(Map.of("createVisits", false, "notifyTeam", false));
            assertThat(j.propertyId()).isEqualTo(jobber.request(request.id()).propertyId());
        });
        assertThat(jobber.visitsOf(job.id())).singleElement()
                .satisfies(v -> assertThat(v.startAt()).isEqualTo(LocalDateTime.parse("2026-12-08T09:00:00")));
    }

    @Test
    void anEmergencyMarksTheRequestsTitleAndPinsANoteAndLaterDetailsKeepTheMark() {
        PhoneNumber phone = phone();
        CrmLead lead = lead(phone, "Dana Ortiz", null, "Smell gas", "plumbing", Urgency.URGENT);
        CrmRecordRef request = gateway().recordLead(gateway().upsertLead(lead, null), lead);

        gateway().createTask(request, new FollowUpTask(42, "EMERGENCY: call " + phone.e164() + " now", "Gas smell",
                FollowUpTask.Priority.HIGH, Instant.now(), LINK));
        gateway().updateLeadRecord(request, lead(phone, "Dana Ortiz", null, "Smell gas in kitchen", "plumbing", Urgency.URGENT));

        assertThat(jobber.request(request.id()).title()).startsWith("EMERGENCY: ").contains("Smell gas in kitchen");
        assertThat(jobber.notesOf(request.id())).singleElement().satisfies(n -> {
            assertThat(n.pinned()).isTrue();
            assertThat(n.message()).contains("call " + phone.e164() + " now");
        });
    }

    @Test
    void userErrorsAreRejectedWithJobbersReason() {
        jobber.nextRequestFailsValidation();

        assertThatThrownBy(() -> gateway().upsertLead(lead(phone(), "Dana", null, null, null, null), null))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("clientCreate").hasMessageContaining("Phone number is invalid");
    }

    @Test
    void aBookingForARequestJobberNoLongerHasIsRejected() {
        assertThatThrownBy(() -> gateway().bookJob(new CrmRecordRef("request", FakeJobber.encodedId("Request", 1)),
                job(Instant.parse("2026-12-08T15:00:00Z")))).isInstanceOf(CrmRejected.class).hasMessageContaining("no longer exists");
    }

    @Test
    void recordLinksOpenTheOfficesJobberPages() {
        assertThat(provider.recordLink(new CrmRecordRef("request", FakeJobber.encodedId("Request", 123)), null))
                .contains(URI.create("https://secure.getjobber.com/requests/123"));
        assertThat(provider.recordLink(new CrmRecordRef("client", FakeJobber.encodedId("Client", 9)), null))
                .contains(URI.create("https://secure.getjobber.com/clients/9"));
        assertThat(provider.recordLink(new CrmRecordRef("note", FakeJobber.encodedId("RequestNote", 9)), null)).isEmpty();
    }

    static JobRequest job(Instant start) {
        return new JobRequest(42, start, start.plus(Duration.ofHours(2)), "Furnace diagnostic visit", "12 Elm St, Austin, TX 78701", LINK);
    }

    static CrmLead lead(PhoneNumber phone, String name, String address, String problem, String trade, Urgency urgency) {
        return new CrmLead(42, phone, new LeadDetails(name, address, address == null ? null : true, problem, trade, urgency),
                "Redial (missed call text-back)", LINK);
    }

    static PhoneNumber phone() {
        return new PhoneNumber("+1737555" + String.format("%04d", numbers.incrementAndGet()));
    }

    static CrmGateway gateway() {
        return gateway(Map.of());
    }

    static CrmGateway gateway(Map<String, String> settings) {
        return provider.connect(new CrmConnection(1, new TenantId("gateway"), JobberCrmProvider.ID, FakeJobber.ACCOUNT_ID,
                token, settings, CrmThrottle.NONE));
    }
}
