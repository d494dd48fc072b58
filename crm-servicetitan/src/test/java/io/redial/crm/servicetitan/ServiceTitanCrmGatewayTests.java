package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmLead;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What lands in ServiceTitan for each of core's writes, checked in the fake's records. */
class ServiceTitanCrmGatewayTests {

    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant tenant = servicetitan.addTenant(3_300_001);
    static final long plumbingUnit = servicetitan.seedBusinessUnit(tenant.id(), "Plumbing");
    static final long leakRepair = servicetitan.seedJobType(tenant.id(), "Leak repair");
    static final long emergencyLeak = servicetitan.seedJobType(tenant.id(), "Emergency leak");
    static final long redialCampaign = servicetitan.seedCampaign(tenant.id(), "Missed calls (Redial)");
    static final ServiceTitanCrmProvider provider = new ServiceTitanCrmProvider(new ServiceTitanProperties(
            FakeServiceTitan.APP_KEY, servicetitan.baseUrl(), servicetitan.baseUrl(), 60, "Redial",
            Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC());
    static final AtomicInteger numbers = new AtomicInteger(100);
    static final Instant NINE = Instant.parse("2026-12-08T15:00:00Z");

    @AfterAll
    static void stop() {
        servicetitan.close();
    }

    /**
     * These tests call the gateway directly, without the sync engine's shared budget that paces real work: on a
     * fast machine the class as a whole outruns ServiceTitan's 60 requests a second. Each test starts a new
     * second's window; the limit itself stays, and the sync tests and the drain benchmark exercise it.
     */
    @BeforeEach
    void freshRateWindow() {
        servicetitan.resetCounts();
    }

    @Test
    void aNewLeadLandsInTheCsrQueueAsABookingWithNamePhoneAddressUrgencyAndALinkBack() {
        CrmLead lead = lead(details("Dana Ortiz", "12 Elm St, Austin, TX 78701", "Water heater leaking", Urgency.URGENT));

        CrmRecordRef ref = gateway().upsertLead(lead, null);

        var booking = servicetitan.find("booking", Long.parseLong(ref.id()));
        assertThat(ref.type()).isEqualTo("booking");
        assertThat(booking.fields()).containsEntry("source", "Redial").containsEntry("name", "Dana Ortiz")
                .containsEntry("externalId", String.valueOf(lead.leadId())).containsEntry("isFirstTimeClient", true)
                .containsEntry("priority", "High").containsEntry("status", "New")
                .containsEntry("bookingProviderId", tenant.bookingProvider())
                .containsEntry("address", Map.of("street", "12 Elm St", "city", "Austin", "state", "TX", "zip", "78701",
                        "country", "USA"))
                .containsEntry("contacts", List.of(Map.of("type", "MobilePhone", "value", national(lead.phone()))))
                .containsEntry("businessUnitId", plumbingUnit).containsEntry("jobTypeId", leakRepair)
                .containsEntry("campaignId", redialCampaign);
        assertThat((String) booking.get("summary")).contains("Water heater leaking").contains("plumbing").contains("urgent")
                .contains(lead.link().toString());
        assertThat(servicetitan.withPhone("customer", lead.phone())).isEmpty(); // a lead alone makes no customer
    }

    @Test
    void aKnownCustomerIsLookedUpByPhoneAndTheBookingSaysItIsNotTheirFirstTime() {
        CrmLead lead = lead(details("Dolores Park", null, "No hot water", Urgency.ROUTINE));
        long customer = servicetitan.seedCustomer(tenant.id(), "Dolores Park", lead.phone());

        var booking = servicetitan.find("booking", Long.parseLong(gateway().upsertLead(lead, null).id()));

        assertThat(booking.fields()).containsEntry("isFirstTimeClient", false).doesNotContainKey("address");
        assertThat(gateway().lookUpCustomer(lead.phone())).hasValueSatisfying(c -> {
            assertThat(c.ref()).isEqualTo(new CrmRecordRef("customer", String.valueOf(customer)));
            assertThat(c.firstName()).isEqualTo("Dolores");
        });
        assertThat(servicetitan.withPhone("customer", lead.phone())).hasSize(1);
    }

    @Test
    void aRetryLooksTheBookingUpByItsExternalIdAndAnUpdateKeepsTheConversation() {
        CrmLead first = lead(details(null, null, null, null));
        CrmRecordRef ref = gateway().upsertLead(first, null);
        Transcript transcript = transcript(first, "Basement is flooding");
        gateway().attachTranscript(ref, transcript, first);
        CrmLead later = new CrmLead(first.leadId(), first.phone(),
                details("Sam Reyes", "9 Oak Ln, Austin TX 78704", "Basement flooding", Urgency.URGENT), first.source(), first.link());

        CrmRecordRef again = gateway().upsertLead(later, null);

        assertThat(again).isEqualTo(ref);
        assertThat(servicetitan.withPhone("booking", first.phone())).singleElement().satisfies(b -> {
            assertThat(b.fields()).containsEntry("name", "Sam Reyes").containsEntry("priority", "High");
            assertThat((String) b.get("summary")).contains("Basement flooding").contains("--- Conversation")
                    .contains("caller: Basement is flooding");
        });
        assertThat(servicetitan.exchanges()).filteredOn(e -> e.method().equals("GET") && e.path().endsWith("/bookings")
                && e.query().getOrDefault("externalId", List.of()).contains(String.valueOf(first.leadId()))).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void whenAnnaBooksTheCustomerLocationAndJobAreCreatedFromTheMappingTableAndTiedToTheBooking() {
        CrmLead lead = lead(details("Dana Ortiz", "12 Elm St, Austin, TX 78701", "Water heater leaking", Urgency.URGENT));
        CrmRecordRef booking = gateway().upsertLead(lead, null);

        CrmRecordRef job = gateway().bookJob(booking, jobRequest(lead), lead);

        var customer = servicetitan.withPhone("customer", lead.phone());
        assertThat(customer).singleElement().satisfies(c -> assertThat(c.fields()).containsEntry("name", "Dana Ortiz"));
        var location = servicetitan.all("location").stream().filter(l -> l.get("customerId").equals(customer.getFirst().id())).toList();
        assertThat(location).singleElement().satisfies(l -> assertThat(((Map<?, ?>) l.get("address")).get("street")).isEqualTo("12 Elm St"));
        var stored = servicetitan.find("job", Long.parseLong(job.id()));
        assertThat(stored.fields()).containsEntry("customerId", customer.getFirst().id())
                .containsEntry("locationId", location.getFirst().id()).containsEntry("businessUnitId", plumbingUnit)
                .containsEntry("jobTypeId", leakRepair).containsEntry("priority", "High").containsEntry("campaignId", redialCampaign)
                .containsEntry("bookingId", Long.parseLong(booking.id()))
                .containsEntry("appointments", List.of(Map.of("start", NINE.toString(), "end", NINE.plusSeconds(7200).toString(),
                        "arrivalWindowStart", NINE.toString(), "arrivalWindowEnd", NINE.plusSeconds(7200).toString())));
        assertThat(servicetitan.find("booking", Long.parseLong(booking.id())).fields()).containsEntry("status", "Converted");
        assertThat((String) stored.get("summary")).as("the job card first, the window as the office writes it").startsWith("""
                Name: Dana Ortiz
                Address: 12 Elm St, Austin, TX 78701
                Trade: Plumbing
                Problem: Water heater leaking
                Urgency: Urgent
                Window: Tue Dec 8, 3–5 PM UTC
                """);
        assertThat(servicetitan.notesOf("job", Long.parseLong(job.id()))).isEmpty(); // no emergency, no note
    }

    @Test
    void aKnownCustomerKeepsTheirLocationOrGetsANewOneForANewAddress() {
        CrmLead atHome = lead(details("Dolores Park", "500 Congress Ave, Austin, TX 78701", "Leak", Urgency.ROUTINE));
        long customer = servicetitan.seedCustomer(tenant.id(), "Dolores Park", atHome.phone());
        CrmLead atRental = new CrmLead(atHome.leadId() + 50_000, atHome.phone(),
                details("Dolores Park", "77 Lake Dr, Austin, TX 78733", "Leak", Urgency.ROUTINE), atHome.source(), atHome.link());

        var homeJob = servicetitan.find("job", Long.parseLong(gateway().bookJob(gateway().upsertLead(atHome, null), jobRequest(atHome), atHome).id()));
        var rentalJob = servicetitan.find("job", Long.parseLong(gateway().bookJob(gateway().upsertLead(atRental, null), jobRequest(atRental), atRental).id()));

        assertThat(servicetitan.withPhone("customer", atHome.phone())).hasSize(1);
        assertThat(homeJob.get("customerId")).isEqualTo(customer);
        assertThat(rentalJob.get("customerId")).isEqualTo(customer);
        assertThat(rentalJob.get("locationId")).isNotEqualTo(homeJob.get("locationId"));
        assertThat(servicetitan.all("location").stream().filter(l -> l.get("customerId").equals(customer))).hasSize(2);
    }

    @Test
    void anEmergencyGetsTheHighestPriorityAndAPinnedNoteThatSaysWhy() {
        CrmLead lead = lead(details("Ray Moss", "3 Pine Ct, Austin, TX 78745", "Gas smell in the kitchen", Urgency.EMERGENCY));

        CrmRecordRef booking = gateway().upsertLead(lead, null);
        CrmRecordRef job = gateway().bookJob(booking, jobRequest(lead), lead);

        assertThat(servicetitan.find("booking", Long.parseLong(booking.id())).get("priority")).isEqualTo("Urgent");
        var stored = servicetitan.find("job", Long.parseLong(job.id()));
        assertThat(stored.fields()).containsEntry("priority", "Urgent").containsEntry("jobTypeId", emergencyLeak);
        assertThat(servicetitan.notesOf("job", stored.id())).singleElement().satisfies(n -> {
            assertThat(n.get("isPinned")).isEqualTo(true);
            assertThat((String) n.get("text")).startsWith("EMERGENCY").contains("Gas smell in the kitchen")
                    .contains(lead.link().toString());
        });
    }

    @Test
    void aJobWhoseAnswerWasLostIsFoundByItsBookingInsteadOfMadeTwice() {
        CrmLead lead = lead(details("Ray Moss", "3 Pine Ct, Austin, TX 78745", "Burst pipe", Urgency.EMERGENCY));
        CrmRecordRef booking = gateway().upsertLead(lead, null);

        CrmRecordRef first = gateway().bookJob(booking, jobRequest(lead), lead);
        CrmRecordRef retried = gateway().bookJob(booking, jobRequest(lead), lead);

        assertThat(retried).isEqualTo(first);
        assertThat(servicetitan.all("job").stream().filter(j -> j.get("bookingId").equals(Long.parseLong(booking.id())))).hasSize(1);
        assertThat(servicetitan.notesOf("job", Long.parseLong(first.id()))).hasSize(1);
        assertThat(servicetitan.withPhone("customer", lead.phone())).hasSize(1);
    }

    @Test
    void withoutAMappingRowForTheTradeTheJobIsRejectedWithWhatToDo() {
        CrmLead lead = new CrmLead(numbers.incrementAndGet(), phone(),
                new LeadDetails("Lee Chu", "4 Ash St, Austin, TX 78702", true, "Roof leak", "roofing", Urgency.ROUTINE),
                "Redial", URI.create("https://redial.example.com/leads/1"));
        CrmGateway noDefault = gateway(Map.of("booking_provider", String.valueOf(tenant.bookingProvider()),
                "job.plumbing.routine", plumbingUnit + "," + leakRepair + ",Normal," + redialCampaign));

        assertThatThrownBy(() -> noDefault.bookJob(noDefault.upsertLead(lead, null), jobRequest(lead), lead))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("roofing").hasMessageContaining("CRM screen");
        assertThat(servicetitan.withPhone("customer", lead.phone())).isEmpty();
    }

    @Test
    void aTranscriptGoesIntoTheBookingSummaryAndOnceThereIsACustomerIntoOneCustomerNote() {
        CrmLead lead = lead(details("Dana Ortiz", "12 Elm St, Austin, TX 78701", "Leak", Urgency.ROUTINE));
        CrmRecordRef booking = gateway().upsertLead(lead, null);
        gateway().bookJob(booking, jobRequest(lead), lead);
        Transcript transcript = transcript(lead, "The leak is under the sink");

        CrmRecordRef note = gateway().attachTranscript(booking, transcript, lead);
        gateway().attachTranscript(booking, transcript, lead); // a retry

        long customer = servicetitan.withPhone("customer", lead.phone()).getFirst().id();
        assertThat(note.type()).isEqualTo("customer-note");
        assertThat(servicetitan.notesOf("customer", customer)).singleElement()
                .satisfies(n -> assertThat((String) n.get("text")).contains("caller: The leak is under the sink")
                        .contains(transcript.link().toString()));
    }

    @Test
    void aConversationThatClosedBeforeTheBookingReachesTheNewCustomerAsANote() {
        CrmLead lead = lead(details("Ana Cruz", "8 Bay Rd, Austin, TX 78703", "Clogged drain", Urgency.ROUTINE));
        CrmRecordRef booking = gateway().upsertLead(lead, null);
        gateway().attachTranscript(booking, transcript(lead, "Kitchen drain is clogged"), lead);

        gateway().bookJob(booking, jobRequest(lead), lead);

        long customer = servicetitan.withPhone("customer", lead.phone()).getFirst().id();
        assertThat(servicetitan.notesOf("customer", customer)).singleElement()
                .satisfies(n -> assertThat((String) n.get("text")).contains("Kitchen drain is clogged"));
    }

    @Test
    void aLongConversationPutsItsFirstPartAndALinkInTheSummary() {
        CrmLead lead = lead(details("Ana Cruz", null, "Clogged drain", Urgency.ROUTINE));
        CrmRecordRef booking = gateway().upsertLead(lead, null);

        gateway().attachTranscript(booking, transcript(lead, "x".repeat(5000)), lead);

        String summary = (String) servicetitan.find("booking", Long.parseLong(booking.id())).get("summary");
        assertThat(summary).contains("(first part)").contains("Full transcript: " + lead.link()).hasSizeLessThan(2500);
    }

    @Test
    void theWrongAppKeyOrATokenOfAnotherTenantIsUnauthorized() {
        var otherTenant = servicetitan.addTenant(3_300_002);
        var wrongKey = new ServiceTitanCrmProvider(new ServiceTitanProperties("ak1.someone-else", servicetitan.baseUrl(),
                servicetitan.baseUrl(), 60, "Redial", Duration.ofSeconds(2), Duration.ofSeconds(10)), Clock.systemUTC());

        assertThatThrownBy(() -> connect(wrongKey, servicetitan.issueToken(tenant.id()), settings()).findCustomer(phone()))
                .isInstanceOf(CrmAuthExpired.class).hasMessageContaining("401");
        assertThatThrownBy(() -> connect(provider, servicetitan.issueToken(otherTenant.id()), settings()).findCustomer(phone()))
                .isInstanceOf(CrmAuthExpired.class).hasMessageContaining("401");
    }

    @Test
    void aBookingProviderTagThatIsNotTheTenantsIsRejected() {
        CrmGateway wrongTag = gateway(Map.of("booking_provider", "4"));

        assertThatThrownBy(() -> wrongTag.upsertLead(lead(details("A", null, null, null)), null))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("400").hasMessageContaining("booking_provider");
        assertThatThrownBy(() -> gateway(Map.of()).upsertLead(lead(details("A", null, null, null)), null))
                .isInstanceOf(CrmRejected.class).hasMessageContaining("Booking Provider Tag");
    }

    @Test
    void theTokenEndpointChecksTheTenantsCredentialsAndTheSecretNeverShows() {
        var tokens = provider.issue(String.valueOf(tenant.id()), tenant.clientId(), tenant.clientSecret());

        assertThat(tokens.externalAccountId()).isEqualTo(String.valueOf(tenant.id()));
        assertThat(tokens.expiresAt()).isBetween(Instant.now().plusSeconds(890), Instant.now().plusSeconds(901));
        assertThat(tokens.toString()).doesNotContain(tenant.clientSecret());
        assertThat(connect(provider, tokens.accessToken(), settings()).findCustomer(phone())).isEmpty();
        var renewed = provider.renew(tokens);
        assertThat(renewed.accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(renewed.refreshToken()).isEqualTo(tokens.refreshToken());
        assertThatThrownBy(() -> provider.issue(String.valueOf(tenant.id()), tenant.clientId(), "cs1.wrong"))
                .isInstanceOf(CrmAuthExpired.class).message().doesNotContain("cs1.wrong");
    }

    @Test
    void aThrottledTokenEndpointIsUnavailableWithItsRetryAfter() {
        var throttled = servicetitan.addTenant(3_300_003);
        servicetitan.limitTokenGrantsPerMinute(1);
        try {
            provider.issue(String.valueOf(throttled.id()), throttled.clientId(), throttled.clientSecret());
            assertThatThrownBy(() -> provider.issue(String.valueOf(throttled.id()), throttled.clientId(), throttled.clientSecret()))
                    .isInstanceOfSatisfying(CrmUnavailable.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
        } finally {
            servicetitan.limitTokenGrantsPerMinute(10);
        }
    }

    // ---- fixtures ----

    static CrmGateway gateway() {
        return gateway(settings());
    }

    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("booking_provider", String.valueOf(tenant.bookingProvider()));
        settings.put("job.*.routine", plumbingUnit + "," + leakRepair + ",Normal," + redialCampaign);
        settings.put("job.plumbing.urgent", plumbingUnit + "," + leakRepair + ",High," + redialCampaign);
        settings.put("job.*.emergency", plumbingUnit + "," + emergencyLeak + ",High," + redialCampaign);
        return settings;
    }

    static CrmGateway gateway(Map<String, String> settings) {
        return connect(provider, servicetitan.issueToken(tenant.id()), settings);
    }

    static CrmGateway connect(ServiceTitanCrmProvider provider, String token, Map<String, String> settings) {
        return provider.connect(new CrmConnection(7, new TenantId("st-plumbing"), ServiceTitanCrmProvider.ID,
                String.valueOf(tenant.id()), token, settings, CrmThrottle.NONE));
    }

    static LeadDetails details(String name, String address, String problem, Urgency urgency) {
        return new LeadDetails(name, address, address == null ? null : true, problem, "plumbing", urgency);
    }

    static CrmLead lead(LeadDetails details) {
        int n = numbers.incrementAndGet();
        return new CrmLead(880_000 + n, phone(n), details, "Redial (missed call text-back)",
                URI.create("https://redial.example.com/leads/" + (880_000 + n)));
    }

    static PhoneNumber phone() {
        return phone(numbers.incrementAndGet());
    }

    static PhoneNumber phone(int n) {
        return new PhoneNumber("+1737556" + String.format("%04d", n));
    }

    static String national(PhoneNumber phone) {
        return phone.e164().substring(2);
    }

    static JobRequest jobRequest(CrmLead lead) {
        return new JobRequest(lead.leadId(), NINE, NINE.plusSeconds(7200), "Fix: " + lead.details().problem(),
                lead.details().serviceAddress(), lead.link());
    }

    static Transcript transcript(CrmLead lead, String callerSays) {
        Instant at = Instant.parse("2026-12-07T14:00:00Z");
        return new Transcript(lead.leadId(), List.of(
                new Transcript.Line(at, "receptionist", "Sorry we missed your call! How can we help?"),
                new Transcript.Line(at.plusSeconds(30), "caller", callerSays)), lead.link());
    }
}
