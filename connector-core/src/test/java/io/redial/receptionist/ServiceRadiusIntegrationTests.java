package io.redial.receptionist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.conversations.Conversation;
import io.redial.leads.Lead;
import io.redial.leads.Leads;
import io.redial.receptionist.geocoding.FakeCensusGeocoder;
import io.redial.shared.TenantId;
import io.redial.shared.geo.GeoPoint;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A tenant that serves "25 miles around the shop": the caller's address is located and Anna acts on it. */
// Own context: the shared scheduler bean cannot restart after Spring pauses a cached context.
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.llm.base-url=")
@DirtiesContext
class ServiceRadiusIntegrationTests {

    static final FakeCensusGeocoder census = new FakeCensusGeocoder();

    static final String YAML = """
            tenants:
              - id: radius-co
                name: Hill Country Air
                timezone: America/Chicago
                trades: [hvac]
                hours: {mon-sun: "08:00-17:00"}
                service_area:
                  zips: ["78610"]
                  radius_miles: 25
                  center: [30.2747, -97.7404]
                lines:
                  - number: "+15125550850"
                    pattern: forwarded
            """;

    @DynamicPropertySource
    static void geocoder(DynamicPropertyRegistry registry) {
        registry.add("redial.geocoder.base-url", census::baseUrl);
        // A loaded shared machine can take longer than the production budget for the fake's first answer.
        registry.add("redial.geocoder.budget", () -> "PT10S");
    }

    @AfterAll
    static void stop() {
        census.close();
    }

    @Autowired AnnaFixture fixture;
    @Autowired Provisioner provisioner;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    final TenantId tenant = new TenantId("radius-co");

    @BeforeEach
    void tenant() {
        census.reset();
        provisioner.apply(ProvisioningFile.parse(YAML));
    }

    @Test
    void anAddressWithinTheRadiusIsServedAndBooked() {
        census.knows("100 E Main St, Round Rock TX 78664", new GeoPoint(30.5083, -97.6789));
        Conversation c = fixture.conversation(tenant, "+15125550161");

        List<String> replies = converse(c, "my AC is blowing warm air", "Dana Whitfield", "100 E Main St, Round Rock TX 78664");

        assertThat(replies.getLast()).contains("1)").contains("Reply with the number");
        assertThat(lead(c).details().inServiceArea()).isTrue();
    }

    @Test
    void anAddressBeyondTheRadiusGetsThePoliteOutOfAreaClose() {
        census.knows("901 Bagby St, Houston TX", new GeoPoint(29.7604, -95.3698));
        Conversation c = fixture.conversation(tenant, "+15125550162");

        List<String> replies = converse(c, "my AC is blowing warm air", "Lee Park", "901 Bagby St, Houston TX");

        assertThat(replies.getLast()).contains("outside the area we serve");
        assertThat(lead(c).details().inServiceArea()).isFalse();
    }

    @Test
    void aListedZipNeedsNoLookupAndAnOutageNeverStopsTheConversation() {
        census.isDown();
        Conversation listed = fixture.conversation(tenant, "+15125550163");
        converse(listed, "my AC is blowing warm air", "Ana Suarez", "12 Elm St, Buda TX 78610");
        assertThat(lead(listed).details().inServiceArea()).isTrue();
        assertThat(census.requests()).isZero();

        Conversation unknown = fixture.conversation(tenant, "+15125550164");
        List<String> replies = converse(unknown, "my AC is blowing warm air", "Sam Ortiz", "40 Oak Dr, Pflugerville TX 78660");
        assertThat(replies.getLast()).as("undecided is not out of area: Anna keeps going")
                .contains("1)").doesNotContain("outside the area");
        assertThat(lead(unknown).details().inServiceArea()).isNull();
        assertThat(census.requests()).isEqualTo(1);
    }

    private List<String> converse(Conversation c, String... texts) {
        for (int i = 0; i < texts.length; i++) {
            fixture.texts(c, texts[i]);
            int expected = i + 1;
            await().atMost(Duration.ofSeconds(15)).until(() -> fixture.repliesTo(c).size() >= expected);
        }
        return fixture.repliesTo(c);
    }

    private Lead lead(Conversation c) {
        return jdbc.sql("SELECT id FROM leads WHERE tenant_id = ? AND conversation_id = ? ORDER BY id DESC LIMIT 1")
                .params(tenant.value(), c.id()).query(Long.class).optional()
                .flatMap(id -> leads.find(tenant, id)).orElseThrow();
    }
}
