package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.hubspot.internal.webhook.SignatureV3;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Uninstalling the app from a portal, as HubSpot tells us over a v3-signed webhook: forged or stale calls
 * are refused and change nothing; a genuine one deletes the tokens and disconnects, and the work that
 * arrives meanwhile is kept and synced once the portal installs again.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubSpotUninstallWebhookTests {

    static final String PUBLIC_BASE = "https://redial.example.com";
    static final String WEBHOOK = "/crm/hubspot/webhooks";
    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final TenantId PORTAL_TENANT = new TenantId("hubspot-4242");
    static final String UNINSTALL = "[{\"eventId\":7001,\"subscriptionId\":12,\"portalId\":" + FakeHubSpot.HUB_ID
            + ",\"appId\":991,\"occurredAt\":1795000000000,\"subscriptionType\":\"app.uninstall\",\"attemptNumber\":0}]";

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.public-base-url", () -> PUBLIC_BASE);
        registry.add("redial.crm.hubspot.auth-base-url", () -> "https://app.hubspot.example");
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final SignatureV3 hubspotSigns = new SignatureV3(FakeHubSpot.CLIENT_SECRET, Clock.systemUTC());

    @Test
    void forgedAndStaleCallsChangeNothingAGenuineUninstallDeletesTheTokensAndKeepsTheWork() throws Exception {
        assertThat(install().statusCode()).isEqualTo(302);
        String now = String.valueOf(Instant.now().toEpochMilli());

        assertThat(post(UNINSTALL, now, "bm90IHRoZSBzaWduYXR1cmU=").statusCode()).as("forged").isEqualTo(401);
        assertThat(post(UNINSTALL, now, null).statusCode()).as("unsigned").isEqualTo(401);
        String sixMinutesAgo = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).toEpochMilli());
        assertThat(post(UNINSTALL, sixMinutesAgo, sign(UNINSTALL, sixMinutesAgo)).statusCode()).as("stale").isEqualTo(401);
        String otherBody = UNINSTALL.replace("7001", "7002");
        assertThat(post(otherBody, now, sign(UNINSTALL, now)).statusCode()).as("body altered").isEqualTo(401);
        assertThat(connections.find(PORTAL_TENANT, HubSpotCrmProvider.ID).orElseThrow().status())
                .isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(storedCredentials()).isPresent();

        // HubSpot signs the URL it called, query string included, with reserved characters decoded.
        String query = "?from=hub%3Aspot";
        assertThat(post(query, UNINSTALL, now, sign(UNINSTALL, now)).statusCode()).as("signed for another URL").isEqualTo(401);
        String signedUrl = PUBLIC_BASE + WEBHOOK + "?from=hub:spot";
        String signature = hubspotSigns.sign("POST", signedUrl, UNINSTALL.getBytes(StandardCharsets.UTF_8), now);
        assertThat(post(query, UNINSTALL, now, signature).statusCode()).isEqualTo(204);

        assertThat(connections.find(PORTAL_TENANT, HubSpotCrmProvider.ID).orElseThrow().status())
                .isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(storedCredentials()).as("tokens deleted").isEmpty();

        long lead = captureLead("+15125550631");
        await().atMost(Duration.ofSeconds(15)).until(() -> control.inState(PORTAL_TENANT, SyncState.BLOCKED).size() == 1);
        assertThat(hubspot.contactsWithPhone(new PhoneNumber("+15125550631"))).isEmpty();

        assertThat(install().statusCode()).as("the portal installs again").isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> control.inState(PORTAL_TENANT, SyncState.DONE).size() == 1);
        assertThat(control.inState(PORTAL_TENANT, SyncState.DONE).getFirst().leadId()).isEqualTo(lead);
        assertThat(hubspot.contactsWithPhone(new PhoneNumber("+15125550631"))).hasSize(1);
    }

    private String sign(String body, String timestamp) {
        return hubspotSigns.sign("POST", PUBLIC_BASE + WEBHOOK, body.getBytes(StandardCharsets.UTF_8), timestamp);
    }

    private HttpResponse<String> post(String body, String timestamp, String signature) throws Exception {
        return post("", body, timestamp, signature);
    }

    private HttpResponse<String> post(String query, String body, String timestamp, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WEBHOOK + query))
                .header("Content-Type", "application/json").header("X-HubSpot-Request-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-HubSpot-Signature-v3", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Optional<byte[]> storedCredentials() {
        return jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(PORTAL_TENANT.value()).query(byte[].class).optional();
    }

    private HttpResponse<String> install() throws Exception {
        HttpResponse<String> start = get("/crm/hubspot/install");
        var query = UriComponentsBuilder.fromUri(URI.create(start.headers().firstValue("Location").orElseThrow()))
                .build().getQueryParams();
        String code = hubspot.consent(PUBLIC_BASE + "/crm/hubspot/oauth/callback");
        return get("/crm/hubspot/oauth/callback?code=" + code + "&state=" + query.getFirst("state"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                    .params(PORTAL_TENANT.value(), phone, LocalDateTime.now(ZoneOffset.UTC)).update(keys, "id");
            return leads.capture(PORTAL_TENANT, keys.getKey().longValue(), null, null);
        });
    }
}
