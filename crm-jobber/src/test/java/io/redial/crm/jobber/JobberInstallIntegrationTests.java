package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmStatus;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * Installing Jobber over real HTTP, both ways it starts: our install link (consent page, state, callback) and
 * Jobber's Connect button (callback without our state). The tenant is found or made by Jobber account id,
 * tokens are stored encrypted with the expiry read from the JWT, and a signed {@code APP_DISCONNECT} deletes
 * them while a forged one changes nothing; work arriving while disconnected syncs after a reconnect.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobberInstallIntegrationTests {

    static final String PUBLIC_BASE = "https://redial.example.com";
    static final String CALLBACK = PUBLIC_BASE + "/crm/jobber/oauth/callback";
    static final FakeJobber jobber = new FakeJobber();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.public-base-url", () -> PUBLIC_BASE);
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @LocalServerPort int port;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired CrmStatus status;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    @Order(1)
    void ourInstallLinkEndsOnOnboardingWithTheAccountsTenantAndEncryptedTokensThatExpireWhenTheJwtSays() throws Exception {
        HttpResponse<String> start = get("/crm/jobber/install");
        assertThat(start.statusCode()).isEqualTo(302);
        URI consent = URI.create(start.headers().firstValue("Location").orElseThrow());
        var query = UriComponentsBuilder.fromUri(consent).build().getQueryParams();
        assertThat(consent.getPath()).isEqualTo("/api/oauth/authorize");
        assertThat(query.getFirst("client_id")).isEqualTo(FakeJobber.CLIENT_ID);
        assertThat(query.getFirst("response_type")).isEqualTo("code");
        assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8)).isEqualTo(CALLBACK);

        HttpResponse<String> callback = get("/crm/jobber/oauth/callback?code=" + jobber.consent(CALLBACK) + "&state="
                + query.getFirst("state"));

        assertThat(callback.statusCode()).isEqualTo(302);
        TenantId tenant = tenant();
        assertThat(callback.headers().firstValue("Location"))
                .hasValue(PUBLIC_BASE + "/onboarding?tenant=" + tenant.value() + "&crm=jobber");
        var connection = connections.find(tenant, JobberCrmProvider.ID).orElseThrow();
        assertThat(connection.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(connection.externalAccountId()).isEqualTo(FakeJobber.ACCOUNT_ID);
        // Jobber's answer has no expires_in: without reading the JWT, Spring would say "in one second".
        assertThat(connection.tokenExpiresAt()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        byte[] sealed = jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?")
                .param(tenant.value()).query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("eyJ").doesNotContain("refresh-");
    }

    @Test
    @Order(2)
    void jobbersConnectButtonCallsBackWithoutOurStateAndLinksTheSameTenant() throws Exception {
        HttpResponse<String> callback = get("/crm/jobber/oauth/callback?code=" + jobber.consent(CALLBACK));

        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("tenant=" + tenant().value());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tenants WHERE id LIKE 'jobber-%'").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aDeniedConsentOrAnUnknownCodeStoresNothing() throws Exception {
        assertThat(get("/crm/jobber/oauth/callback").statusCode()).isEqualTo(400);
        assertThat(get("/crm/jobber/oauth/callback?code=made-up").statusCode()).isEqualTo(502);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_connections").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aForgedDisconnectIsRefusedAndChangesNothing() throws Exception {
        String body = FakeJobber.webhookBody("APP_DISCONNECT", FakeJobber.ACCOUNT_ID, FakeJobber.ACCOUNT_ID);

        assertThat(webhook(body, "bm90IHRoZSBzaWduYXR1cmU=").statusCode()).isEqualTo(401);
        assertThat(webhook(body, null).statusCode()).isEqualTo(401);
        assertThat(webhook(body.replace("APP_DISCONNECT", "APP_DISCONNECT "), FakeJobber.sign(body)).statusCode()).isEqualTo(401);

        assertThat(connections.find(tenant(), JobberCrmProvider.ID).orElseThrow().status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?").param(tenant().value())
                .query(byte[].class).optional()).isPresent();
    }

    @Test
    @Order(5)
    void aSignedDisconnectDeletesTheTokensAndWorkArrivingMeanwhileSyncsAfterAReconnect() throws Exception {
        jobber.disconnect();
        String body = FakeJobber.webhookBody("APP_DISCONNECT", FakeJobber.ACCOUNT_ID, FakeJobber.ACCOUNT_ID);

        assertThat(webhook(body, FakeJobber.sign(body)).statusCode()).isEqualTo(200);

        var disconnected = connections.find(tenant(), JobberCrmProvider.ID).orElseThrow();
        assertThat(disconnected.status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?").param(tenant().value())
                .query(byte[].class).optional()).isEmpty();

        PhoneNumber caller = new PhoneNumber("+15125550633");
        long lead = captureLead(caller.e164());
        assertThat(control.inState(tenant(), SyncState.BLOCKED)).extracting(i -> i.leadId()).containsExactly(lead);

        assertThat(get("/crm/jobber/oauth/callback?code=" + jobber.consent(CALLBACK)).statusCode()).isEqualTo(302);
        await().atMost(Duration.ofSeconds(20)).until(() -> control.inState(tenant(), SyncState.DONE).size() == 1);
        assertThat(jobber.clientsWithPhone(caller)).hasSize(1);
        assertThat(jobber.requestsOf(jobber.clientsWithPhone(caller).getFirst().id())).hasSize(1);
    }

    @Test
    @Order(6)
    void theConsoleOffersToConnectJobberOnlyWhereItIsNotConnected() {
        assertThat(status.connectable(new TenantId("no-crm-yet"))).singleElement().satisfies(c -> {
            assertThat(c.crmName()).isEqualTo("Jobber");
            assertThat(c.installPath()).isEqualTo("/crm/jobber/install");
        });
        assertThat(status.connectable(tenant())).isEmpty();
        assertThat(status.connections(tenant())).singleElement().satisfies(c -> {
            assertThat(c.crmName()).isEqualTo("Jobber");
            assertThat(c.reconnectPath()).isEqualTo("/crm/jobber/install");
        });
    }

    private TenantId tenant() {
        return connections.byExternalAccount(JobberCrmProvider.ID, FakeJobber.ACCOUNT_ID).orElseThrow().tenant();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> webhook(String body, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/crm/jobber/webhooks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Jobber-Hmac-SHA256", signature);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                    .params(tenant().value(), phone, LocalDateTime.now(ZoneOffset.UTC)).update(keys, "id");
            return leads.capture(tenant(), keys.getKey().longValue(), null, null);
        });
    }
}
