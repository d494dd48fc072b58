package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmException;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import io.redial.crm.JobRequest;
import io.redial.crm.Transcript;
import io.redial.crm.servicetitan.internal.api.Address;
import io.redial.crm.servicetitan.internal.api.Location;
import io.redial.crm.servicetitan.internal.api.Named;
import io.redial.crm.servicetitan.internal.api.NewLocation;
import io.redial.crm.servicetitan.internal.api.Page;
import io.redial.crm.servicetitan.internal.client.ServiceTitanClient;
import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

/**
 * Every request the fake received and every answer it gave, through the adapter's whole repertoire (leads,
 * transcripts, jobs, emergencies, the mapping lists, and the errors: validation, 401, 404, 409, 429), checked
 * against ServiceTitan's OpenAPI specs. The specs live beside the project in {@code ../shared/docs/servicetitan/};
 * without them the test is skipped and says so.
 */
class ServiceTitanConformanceTests {

    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant tenant = servicetitan.addTenant(5_500_001);

    @AfterAll
    static void stop() {
        servicetitan.close();
    }

    @Test
    void everyRequestAndAnswerOfTheAdapterMatchesServiceTitansSpecs() throws Exception {
        var specs = ServiceTitanSpecs.load();
        Assumptions.assumeTrue(specs.isPresent(), "SKIPPED: ServiceTitan's OpenAPI specs are not at "
                + ServiceTitanSpecs.where() + " (they are kept beside the project, never in it); nothing was checked");

        exerciseEverything();

        List<FakeServiceTitan.Exchange> exchanges = servicetitan.exchanges();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> operations = new TreeMap<>();
        TreeSet<Integer> statuses = new TreeSet<>();
        for (var exchange : exchanges) {
            problems.addAll(specs.get().check(exchange));
            operations.merge(specs.get().operationId(exchange), 1, Integer::sum);
            statuses.add(exchange.status());
        }
        String report = "ServiceTitan conformance: " + exchanges.size() + " exchanges checked against " + ServiceTitanSpecs.where()
                + "\n  operations: " + operations + "\n  statuses: " + statuses + "\n  problems: " + problems.size() + "\n"
                + String.join("\n", problems) + "\n";
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "servicetitan-conformance.txt"), report);
        assertThat(problems).isEmpty();
        assertThat(operations.keySet()).contains("Customers_GetList", "Customers_Create", "Customers_GetNotes",
                "Customers_CreateNote", "Locations_GetList", "Locations_Create", "Bookings_GetList2", "Bookings_Create",
                "Bookings_GetForProvider", "Bookings_Update", "Jobs_Create", "Jobs_GetList", "Jobs_CreateNote", "Jobs_GetNotes",
                "JobTypes_GetList", "BusinessUnits_GetList", "Campaigns_GetList");
        assertThat(statuses).contains(200, 400, 401, 404, 409, 429);
    }

    @Test
    void theCheckCatchesARequestTheSpecRefuses() throws Exception {
        var specs = ServiceTitanSpecs.load();
        Assumptions.assumeTrue(specs.isPresent(), "SKIPPED: no ServiceTitan specs at " + ServiceTitanSpecs.where());
        var missingExternalId = new FakeServiceTitan.Exchange("POST", "crm", "/tenant/1/booking-provider/9/bookings", Map.of(),
                "{\"source\":\"Redial\",\"name\":\"A\",\"summary\":\"s\",\"isFirstTimeClient\":true,\"colour\":\"red\"}", 200,
                "{\"id\":1}");
        var undeclaredQuery = new FakeServiceTitan.Exchange("GET", "crm", "/tenant/1/customers", Map.of("phoneNumber", List.of("1")),
                "", 200, "{\"page\":1,\"pageSize\":50,\"hasMore\":false,\"data\":[]}");

        assertThat(specs.get().check(missingExternalId)).anySatisfy(p -> assertThat(p).contains("externalId"))
                .anySatisfy(p -> assertThat(p).contains("colour")).anySatisfy(p -> assertThat(p).contains("answer"));
        assertThat(specs.get().check(undeclaredQuery)).singleElement().asString().contains("phoneNumber");
    }

    private static void exerciseEverything() {
        long unit = servicetitan.seedBusinessUnit(tenant.id(), "HVAC");
        long type = servicetitan.seedJobType(tenant.id(), "No cooling");
        long campaign = servicetitan.seedCampaign(tenant.id(), "Redial");
        var provider = new ServiceTitanCrmProvider(new ServiceTitanProperties(FakeServiceTitan.APP_KEY, servicetitan.baseUrl(),
                servicetitan.baseUrl(), 60, "Redial", Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC());
        var tokens = provider.issue(String.valueOf(tenant.id()), tenant.clientId(), tenant.clientSecret());
        Map<String, String> settings = Map.of("booking_provider", String.valueOf(tenant.bookingProvider()),
                "job.*.routine", unit + "," + type + ",Normal," + campaign,
                "job.*.emergency", unit + "," + type + ",High," + campaign);
        CrmGateway gateway = provider.connect(connection(tokens.accessToken(), settings));

        // New caller: booking, transcript, job with new customer and location, emergency note.
        CrmLead newCaller = lead(1, new PhoneNumber("+17375570001"), "Gas smell", Urgency.EMERGENCY, "4 Ash St, Austin, TX 78702");
        CrmRecordRef booking = gateway.upsertLead(newCaller, null);
        gateway.upsertLead(newCaller, booking);
        gateway.attachTranscript(booking, transcript(newCaller), newCaller);
        gateway.attachTranscript(booking, transcript(newCaller));
        gateway.bookJob(booking, job(newCaller), newCaller);
        gateway.attachTranscript(booking, transcript(newCaller), newCaller);
        gateway.createTask(booking, new io.redial.crm.FollowUpTask(newCaller.leadId(), "EMERGENCY", "call now",
                io.redial.crm.FollowUpTask.Priority.HIGH, Instant.now(), newCaller.link())); // converted: 409, kept
        // Known customer at a new address: a second location.
        PhoneNumber known = new PhoneNumber("+17375570002");
        servicetitan.seedCustomer(tenant.id(), "Dolores Park", known);
        CrmLead knownCaller = lead(2, known, "AC not cooling", Urgency.ROUTINE, "77 Lake Dr, Austin, TX 78733");
        gateway.bookJob(gateway.upsertLead(knownCaller, null), job(knownCaller), knownCaller);
        gateway.lookUpCustomer(known);
        // The lists the console's mapping table picks from.
        ServiceTitanClient client = new ServiceTitanClient(RestClient.builder().baseUrl(servicetitan.baseUrl()).build(),
                FakeServiceTitan.APP_KEY, tokens.accessToken(), String.valueOf(tenant.id()), CrmThrottle.NONE);
        var named = new ParameterizedTypeReference<Page<Named>>() { };
        client.get("settings", "/business-units", Map.of("active", "True", "pageSize", 500), named);
        client.get("jpm", "/job-types", Map.of("active", "True", "pageSize", 500), named);
        client.get("marketing", "/campaigns", Map.of("active", "True", "pageSize", 500), named);
        // Errors: validation, unknown customer for a location (409), wrong provider tag (400), unknown booking (404), revoked token (401), throttled (429).
        servicetitan.nextRequestFailsValidation();
        expect(CrmRejected.class, () -> gateway.findCustomer(known));
        expect(CrmRejected.class, () -> client.post("crm", "/locations", new NewLocation(999_999_999L, "Nowhere",
                new Address("1 Main St", null, "Austin", "TX", "78701", "USA"), List.of()), Location.class));
        CrmGateway wrongTag = provider.connect(connection(tokens.accessToken(), Map.of("booking_provider", "1")));
        expect(CrmRejected.class, () -> wrongTag.upsertLead(lead(3, new PhoneNumber("+17375570003"), "x", null, null), null));
        expect(CrmRejected.class, () -> gateway.attachTranscript(new CrmRecordRef("booking", "123"), transcript(knownCaller)));
        CrmGateway revoked = provider.connect(connection("eyJ.revoked", settings));
        expect(CrmAuthExpired.class, () -> revoked.findCustomer(known));
        servicetitan.limitRequestsPerSecond(2);
        try {
            expect(CrmUnavailable.class, () -> {
                for (int i = 0; i < 10; i++) {
                    gateway.findCustomer(known);
                }
            });
        } finally {
            servicetitan.limitRequestsPerSecond(60);
        }
    }

    private static void expect(Class<? extends CrmException> failure, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(failure);
    }

    private static CrmConnection connection(String token, Map<String, String> settings) {
        return new CrmConnection(9, new TenantId("conformance"), ServiceTitanCrmProvider.ID, String.valueOf(tenant.id()),
                token, settings, CrmThrottle.NONE);
    }

    private static CrmLead lead(int n, PhoneNumber phone, String problem, Urgency urgency, String address) {
        return new CrmLead(990_000 + n, phone, new LeadDetails("Caller " + n, address, true, problem, "hvac", urgency),
                "Redial", URI.create("https://redial.example.com/leads/" + (990_000 + n)));
    }

    private static JobRequest job(CrmLead lead) {
        Instant start = Instant.parse("2026-12-09T16:00:00Z");
        return new JobRequest(lead.leadId(), start, start.plusSeconds(7200), lead.details().problem(),
                lead.details().serviceAddress(), lead.link());
    }

    private static Transcript transcript(CrmLead lead) {
        Instant at = Instant.parse("2026-12-07T14:00:00Z");
        return new Transcript(lead.leadId(), List.of(new Transcript.Line(at, "caller", lead.details().problem())), lead.link());
    }
}
