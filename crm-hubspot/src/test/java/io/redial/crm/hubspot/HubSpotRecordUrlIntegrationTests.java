package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncItem;
import io.redial.crm.sync.SyncKind;
import io.redial.crm.sync.SyncState;
import io.redial.leads.LeadCards;
import io.redial.leads.LeadTimeline;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The link a lead's HubSpot contact opens at, end to end (signed Twilio webhook → sync → crm_links → the console's
 * lead card and timeline): the page HubSpot's answer named (here a portal on the EU data centre) when it named one,
 * else the app.hubspot.com record page built from the portal id.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.textback.lookup-budget=PT10S", "redial.llm.base-url="})
class HubSpotRecordUrlIntegrationTests {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
    static final FakeTwilio twilio = new FakeTwilio(ACCOUNT, TWILIO_TOKEN, "https://redial.example.com");
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired LeadCards cards;
    @Autowired LeadTimeline timeline;
    @Autowired JdbcClient jdbc;

    @Test
    void aContactOnAnEuPortalOpensAtThePageHubSpotNamedAndOneWithoutAUrlKeepsTheBuiltLink() {
        // A portal whose answers carry no url: today's link, built from the portal id on app.hubspot.com.
        TenantId plain = tenant("hubspot-url-plain", "+15125550811");
        long plainLead = missedCall(plain, "+15125550811", "+15125550181", "CA00000000000000000000000000000811");
        String plainContact = hubspot.contactsWithPhone(new io.redial.shared.PhoneNumber("+15125550181")).getFirst().id();
        assertThat(contactLink(plain, plainLead))
                .isEqualTo(URI.create("https://app.hubspot.com/contacts/4242/record/0-1/" + plainContact));

        // A portal on the EU data centre: HubSpot's answers name app-eu1.hubspot.com, and that is the link shown.
        hubspot.answerRecordUrlsOn("https://app-eu1.hubspot.com");
        TenantId eu = tenant("hubspot-url-eu", "+15125550812");
        long euLead = missedCall(eu, "+15125550812", "+15125550182", "CA00000000000000000000000000000812");
        String euContact = hubspot.contactsWithPhone(new io.redial.shared.PhoneNumber("+15125550182")).getFirst().id();
        URI euLink = URI.create("https://app-eu1.hubspot.com/contacts/" + FakeHubSpot.HUB_ID + "/record/0-1/" + euContact);
        assertThat(contactLink(eu, euLead)).isEqualTo(euLink);
        assertThat(timeline.of(eu, euLead)).filteredOn(e -> e.kind() == LeadTimeline.Kind.CRM && e.link() != null)
                .extracting(LeadTimeline.Entry::link).contains(euLink);
        assertThat(jdbc.sql("SELECT external_url FROM crm_links WHERE tenant_id = ? AND external_type = 'contact'")
                .param(eu.value()).query(String.class).single()).isEqualTo(euLink.toString());
    }

    private URI contactLink(TenantId tenant, long lead) {
        return cards.of(tenant, lead).orElseThrow().records().stream().filter(r -> r.type().equals("contact"))
                .findFirst().orElseThrow().link();
    }

    private TenantId tenant(String id, String line) {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: %s
                    name: HubSpot Url Test
                    timezone: America/Chicago
                    lines:
                      - number: "%s"
                        pattern: dial
                        ring: ["+15125550899"]
                """.formatted(id, line)));
        TenantId tenant = new TenantId(id);
        connections.connect(tenant, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
        return tenant;
    }

    /** A missed call through the signed dial-status webhook; waits for its lead's contact to be written. */
    private long missedCall(TenantId tenant, String line, String caller, String callSid) {
        assertThat(twilio.webhooks(port).postSigned("/twilio/voice/dial-status", Map.of("CallSid", callSid,
                "AccountSid", ACCOUNT, "From", caller, "To", line, "CallStatus", "completed",
                "DialCallStatus", "no-answer", "Direction", "inbound")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> control.inState(tenant, SyncState.DONE).stream()
                .map(SyncItem::kind).anyMatch(SyncKind.LEAD::equals));
        assertThat(control.needingAttention(tenant)).isEmpty();
        return jdbc.sql("SELECT lead_id FROM calls WHERE call_sid = ?").param(callSid).query(Long.class).single();
    }
}
