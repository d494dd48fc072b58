package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * Install by OAuth over real HTTP: install link → HubSpot's consent (the fake issues the code) → our
 * callback → encrypted tokens, a tenant for the portal → the console's onboarding. Then: tokens are
 * refreshed before they expire, and a refused refresh (uninstall) breaks the connection and drops them.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubSpotInstallIntegrationTests {

    static final String PUBLIC_BASE = "https://redial.example.com";
    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final TenantId PORTAL_TENANT = new TenantId("hubspot-4242");

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
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void installingCreatesTheTenantStoresTokensEncryptedAndSyncsThenAnUninstallBreaksTheConnection() throws Exception {
        hubspot.accessTokensLast(Duration.ofSeconds(60)); // inside the refresh-ahead margin: every use refreshes

        HttpResponse<String> callback = install();

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location")).hasValue(PUBLIC_BASE + "/onboarding?tenant=hubspot-4242&crm=hubspot");
        var connection = connections.find(PORTAL_TENANT, HubSpotCrmProvider.ID).orElseThrow();
        assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(connection.externalAccountId()).isEqualTo("4242");
        byte[] sealed = jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(PORTAL_TENANT.value()).query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("pat-na1-").doesNotContain("refresh-");

        assertThat(install().statusCode()).as("reinstalling links the same portal to the same tenant").isEqualTo(302);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tenants WHERE id LIKE 'hubspot-%'").query(Integer.class).single()).isEqualTo(1);

        hubspot.revokeAccessTokens(); // only a refreshed token can work from here on
        long first = captureLead("+15125550611");
        await().atMost(Duration.ofSeconds(15)).until(() -> control.inState(PORTAL_TENANT, SyncState.DONE).size() == 1);
        assertThat(hubspot.contactsWithPhone(new io.redial.shared.PhoneNumber("+15125550611"))).hasSize(1);

        hubspot.uninstall();
        long second = captureLead("+15125550612");
        await().atMost(Duration.ofSeconds(15)).until(() -> connections.find(PORTAL_TENANT, HubSpotCrmProvider.ID)
                .orElseThrow().status() == ConnectionStatus.BROKEN);
        assertThat(connections.find(PORTAL_TENANT, HubSpotCrmProvider.ID).orElseThrow().lastError()).contains("refresh token");
        assertThat(jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(PORTAL_TENANT.value()).query(byte[].class).optional()).isEmpty();
        // The connection breaks on the first refused refresh; the lead's work is parked a moment later.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(control.needingAttention(PORTAL_TENANT))
                .extracting(i -> i.leadId()).containsExactly(second));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aReplayedCallbackIsRefusedAndStoresNothing() throws Exception {
        HttpResponse<String> start = get("/crm/hubspot/install");
        var query = UriComponentsBuilder.fromUri(URI.create(start.headers().firstValue("Location").orElseThrow()))
                .build().getQueryParams();
        String callback = "/crm/hubspot/oauth/callback?code=" + hubspot.consent(PUBLIC_BASE + "/crm/hubspot/oauth/callback")
                + "&state=" + query.getFirst("state");
        assertThat(get(callback).statusCode()).isEqualTo(302);
        byte[] stored = jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(PORTAL_TENANT.value()).query(byte[].class).single();
        int tokenCalls = hubspot.tokenRequests();

        HttpResponse<String> replay = get(callback);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");
        assertThat(hubspot.tokenRequests()).as("no code exchange for a replay").isEqualTo(tokenCalls);
        assertThat(jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(PORTAL_TENANT.value()).query(byte[].class).single()).isEqualTo(stored);
    }

    @Test
    void aForgedStateIsRefusedAndStoresNothing() throws Exception {
        String code = hubspot.consent(PUBLIC_BASE + "/crm/hubspot/oauth/callback");

        HttpResponse<String> response = get("/crm/hubspot/oauth/callback?code=" + code + "&state=forged.state");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(connections.byExternalAccount(HubSpotCrmProvider.ID, "9999")).isEmpty();
    }

    @Test
    void anUnknownCrmHasNoInstallLink() throws Exception {
        assertThat(get("/crm/nocrm/install").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> install() throws Exception {
        HttpResponse<String> start = get("/crm/hubspot/install");
        assertThat(start.statusCode()).isEqualTo(302);
        URI consent = URI.create(start.headers().firstValue("Location").orElseThrow());
        var query = UriComponentsBuilder.fromUri(consent).build().getQueryParams();
        assertThat(consent.getHost()).isEqualTo("app.hubspot.example");
        String redirect = java.net.URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8);
        assertThat(redirect).isEqualTo(PUBLIC_BASE + "/crm/hubspot/oauth/callback");
        String code = hubspot.consent(redirect); // the installer clicked "Connect app" on HubSpot
        return get("/crm/hubspot/oauth/callback?code=" + code + "&state=" + query.getFirst("state"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
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
