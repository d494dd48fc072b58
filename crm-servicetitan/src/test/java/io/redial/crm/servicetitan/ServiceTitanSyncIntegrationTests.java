package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncItem;
import io.redial.crm.sync.SyncKind;
import io.redial.crm.sync.SyncState;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.TwilioWebhooks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * End to end on the real database, scheduler and HTTP, driven only through signed Twilio webhooks: a missed
 * call is texted back, the caller answers, Anna (the offline receptionist) books, and the fake ServiceTitan
 * ends up with one booking, one customer, one location, one transcript note and one job tied to the booking,
 * even though it answers 500 and 429 along the way and loses the answer to the job it created.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.textback.lookup-budget=PT10S", "redial.llm.base-url="})
class ServiceTitanSyncIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
    static final String PUBLIC_BASE = "https://redial.example.com";
    static final TenantId TENANT = new TenantId("st-hvac");
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TWILIO_TOKEN, PUBLIC_BASE);
    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant stTenant = servicetitan.addTenant(7_700_001);

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired ClientCredentialConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired JdbcClient jdbc;

    @Test
    void aMissedCallBookedByAnnaLandsInServiceTitanOnceDespite500And429Answers() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: st-hvac
                    name: Titan Air
                    timezone: America/Chicago
                    trades: [hvac, plumbing]
                    hours: {mon-sun: "08:00-17:00"}
                    service_area: {zips: ["78701-78759"]}
                    lines:
                      - number: "+15125550700"
                        pattern: dial
                        ring: ["+15125550799"]
                """));
        long unit = servicetitan.seedBusinessUnit(stTenant.id(), "HVAC Service");
        long type = servicetitan.seedJobType(stTenant.id(), "AC repair");
        long campaign = servicetitan.seedCampaign(stTenant.id(), "Missed calls");
        String row = unit + "," + type + ",Normal," + campaign;
        connections.connect(TENANT, ServiceTitanCrmProvider.ID, String.valueOf(stTenant.id()), stTenant.clientId(),
                stTenant.clientSecret(), Map.of("booking_provider", String.valueOf(stTenant.bookingProvider()),
                        "job.*.routine", row, "job.*.urgent", row.replace("Normal", "High"), "job.*.emergency", row));
        // ServiceTitan misbehaves along the way: a lost booking answer is not retried into a second booking,
        // nor a job whose answer was lost into a second job; 429s and 500s are waited out.
        servicetitan.nextRequestFails("POST .*/booking-provider/\\d+/bookings", 429, 1);
        servicetitan.nextAnswerLost("POST .*/booking-provider/\\d+/bookings");
        servicetitan.nextRequestFails("POST /crm/v2/tenant/\\d+/customers", 500, 1);
        servicetitan.nextAnswerLost("POST /jpm/v2/tenant/\\d+/jobs");
        servicetitan.nextRequestFails("POST /crm/v2/tenant/\\d+/customers/\\d+/notes", 429, 1);
        PhoneNumber caller = new PhoneNumber("+15125550277");
        var webhooks = twilio.webhooks(port);

        assertThat(webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA00000000000000000000000000000977",
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550700", "CallStatus", "completed",
                "DialCallStatus", "no-answer", "Direction", "inbound")).statusCode()).isEqualTo(200);
        awaitTexts(caller, 1); // the text-back
        callerTexts(webhooks, caller, 1, "Hi, my AC is making a rattling noise");
        callerTexts(webhooks, caller, 2, "Dana Whitfield");
        callerTexts(webhooks, caller, 3, "1200 Barton Springs Rd, Austin TX 78704");
        assertThat(texts(caller).getLast()).contains("1)").contains("Reply with the number");
        callerTexts(webhooks, caller, 4, "2");
        assertThat(texts(caller).getLast()).startsWith("You're booked for");
        callerTexts(webhooks, caller, 5, "No thanks, that's all");

        long lead = jdbc.sql("SELECT lead_id FROM calls WHERE call_sid = ?").param("CA00000000000000000000000000000977")
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(90)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty()
                && control.inState(TENANT, SyncState.DONE).stream().map(SyncItem::kind).toList()
                        .containsAll(List.of(SyncKind.LEAD, SyncKind.JOB, SyncKind.TRANSCRIPT)));
        assertThat(control.needingAttention(TENANT)).isEmpty();

        var booking = servicetitan.withPhone("booking", caller);
        assertThat(booking).singleElement().satisfies(b -> assertThat(b.fields())
                .containsEntry("externalId", String.valueOf(lead)).containsEntry("name", "Dana Whitfield")
                .containsEntry("source", "Redial").containsEntry("status", "Converted"));
        assertThat((String) booking.getFirst().get("summary")).contains("rattling noise").contains(PUBLIC_BASE + "/leads/" + lead);
        var customer = servicetitan.withPhone("customer", caller);
        assertThat(customer).singleElement().satisfies(c -> assertThat(c.fields()).containsEntry("name", "Dana Whitfield"));
        long customerId = customer.getFirst().id();
        var location = servicetitan.all("location").stream().filter(l -> l.get("customerId").equals(customerId)).toList();
        assertThat(location).singleElement().satisfies(l -> assertThat(l.fields().get("address").toString())
                .contains("1200 Barton Springs Rd").contains("78704"));
        assertThat(servicetitan.notesOf("customer", customerId)).singleElement()
                .satisfies(n -> assertThat((String) n.get("text")).contains("rattling noise"));
        var jobs = servicetitan.all("job").stream().filter(j -> j.get("customerId").equals(customerId)).toList();
        assertThat(jobs).singleElement().satisfies(j -> assertThat(j.fields())
                .containsEntry("bookingId", booking.getFirst().id()).containsEntry("locationId", location.getFirst().id())
                .containsEntry("businessUnitId", unit).containsEntry("jobTypeId", type).containsEntry("campaignId", campaign));
        assertThat(servicetitan.tooManyRequests()).isGreaterThanOrEqualTo(2);
        var specs = ServiceTitanSpecs.load();
        if (specs.isPresent()) { // every exchange of the whole run, checked against ServiceTitan's specs
            assertThat(servicetitan.exchanges().stream().flatMap(e -> specs.get().check(e).stream()).toList()).isEmpty();
        }
    }

    private static void callerTexts(TwilioWebhooks webhooks, PhoneNumber caller, int n, String body) {
        assertThat(webhooks.postSigned("/twilio/sms/incoming", Map.of("MessageSid", "SM%032d".formatted(900 + n),
                "AccountSid", ACCOUNT, "From", caller.e164(), "To", "+15125550700", "Body", body)).statusCode()).isEqualTo(200);
        awaitTexts(caller, n + 1);
    }

    private static List<String> texts(PhoneNumber to) {
        return twilio.sent().stream().filter(m -> m.to().equals(to.e164())).map(FakeTwilio.Sent::body).toList();
    }

    private static void awaitTexts(PhoneNumber to, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> texts(to).size() >= count);
    }
}
