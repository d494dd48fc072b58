package io.redial.crm.hubspot;

import static io.redial.testing.crm.CrmWebhookTenants.TENANT_A;
import static io.redial.testing.crm.CrmWebhookTenants.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.redial.crm.hubspot.internal.webhook.SignatureV3;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.crm.CrmWebhookTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * HubSpot's webhook endpoint against hostile callers, over real HTTP: two tenants connected under two portals.
 * A v3-signed uninstall from portal A that names tenant B's ids everywhere else changes none of B's rows;
 * unsigned, forged, altered or stale calls naming B change nothing. Jazzer then drives the endpoint with any
 * body, signed or not (byte 0 picks the way: {@code 0} signed, {@code 1} unsigned, {@code 2} forged, {@code 3}
 * signed then altered, {@code 4} signed six minutes ago; the rest is the body): never a 5xx, a call that is not
 * HubSpot's own changes no connection, and a signed one changes only a connection whose portal it names.
 * In {@code ./mvnw verify} the stored inputs run once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl crm-hubspot -am -Dtest=HubSpotWebhookHostileInputTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubSpotWebhookHostileInputTests {

    static final String PUBLIC_BASE = "https://redial.example.com";
    static final String WEBHOOK = "/crm/hubspot/webhooks";
    static final String PORTAL_A = "1001";
    static final String PORTAL_B = "2002";
    static final FakeHubSpot hubspot = new FakeHubSpot();
    private static final int SIGNED = CrmWebhookTenants.SIGNED, UNSIGNED = 1, FORGED = 2, ALTERED = 3, STALE = 4;

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.public-base-url", () -> PUBLIC_BASE);
        registry.add("redial.crm.hubspot.auth-base-url", () -> "https://app.hubspot.example");
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    CrmWebhookTenants tenants;

    @BeforeEach
    void connectBoth() {
        tenants = new CrmWebhookTenants(provisioner, jdbc, HubSpotCrmProvider.ID.value(), PORTAL_A, PORTAL_B);
        tenants.connectBoth();
    }

    @Test
    void anUninstallFromPortalANamingTenantBsIdsChangesNoneOfBsRows() throws Exception {
        String namingB = "[{\"eventId\":1,\"subscriptionId\":" + PORTAL_B + ",\"portalId\":" + PORTAL_A + ",\"appId\":" + PORTAL_B
                + ",\"objectId\":" + PORTAL_B + ",\"tenantId\":\"" + TENANT_B + "\",\"occurredAt\":1795000000000,"
                + "\"subscriptionType\":\"app.uninstall\",\"propertyName\":\"portalId\",\"propertyValue\":\"" + PORTAL_B + "\"}]";
        String uninstallB = uninstall(PORTAL_B);
        Map<String, Object> bBefore = tenants.rows(TENANT_B);

        assertThat(send(UNSIGNED, uninstallB).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(send(FORGED, uninstallB).statusCode()).as("forged").isEqualTo(401);
        assertThat(send(ALTERED, uninstallB).statusCode()).as("A's signature on B's uninstall").isEqualTo(401);
        assertThat(send(STALE, uninstallB).statusCode()).as("replayed after five minutes").isEqualTo(401);
        assertThat(tenants.rows(TENANT_B)).isEqualTo(bBefore);
        assertThat(tenants.status(TENANT_A)).isEqualTo("CONNECTED");

        assertThat(send(SIGNED, namingB).statusCode()).isEqualTo(204);

        assertThat(tenants.status(TENANT_A)).as("portal A uninstalled").isEqualTo("DISCONNECTED");
        assertThat(tenants.rows(TENANT_B)).as("tenant B untouched").isEqualTo(bBefore);
    }

    @FuzzTest(maxDuration = "5m")
    void anyBodySignedOrNotIsAnsweredBelow500AndChangesOnlyTheNamedPortal(byte[] input) throws Exception {
        tenants.fuzzOnce(input, 5, this::send, "[]", 204);
    }

    private static String uninstall(String portal) {
        return "[{\"eventId\":7001,\"subscriptionId\":12,\"portalId\":" + portal
                + ",\"appId\":991,\"occurredAt\":1795000000000,\"subscriptionType\":\"app.uninstall\",\"attemptNumber\":0}]";
    }

    private HttpResponse<String> send(int way, String body) throws Exception {
        Instant at = way == STALE ? Instant.now().minus(Duration.ofMinutes(6)) : Instant.now();
        String timestamp = String.valueOf(at.toEpochMilli());
        String signedBody = way != ALTERED ? body : body.equals(uninstall(PORTAL_A)) ? body + " " : uninstall(PORTAL_A);
        String secret = way == FORGED ? "not-" + FakeHubSpot.CLIENT_SECRET : FakeHubSpot.CLIENT_SECRET;
        String signature = new SignatureV3(secret, Clock.systemUTC()).sign("POST", PUBLIC_BASE + WEBHOOK,
                signedBody.getBytes(StandardCharsets.UTF_8), timestamp);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WEBHOOK))
                .header("Content-Type", "application/json").header("X-HubSpot-Request-Timestamp", timestamp)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (way != UNSIGNED) {
            request.header("X-HubSpot-Signature-v3", signature);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
