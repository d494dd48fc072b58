package io.redial.crm.jobber;

import static io.redial.testing.crm.CrmWebhookTenants.TENANT_A;
import static io.redial.testing.crm.CrmWebhookTenants.TENANT_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.redial.crm.jobber.internal.webhook.JobberHmac;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.crm.CrmWebhookTenants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Jobber's webhook endpoint against hostile callers, over real HTTP: two tenants connected under two Jobber
 * accounts. A signed {@code APP_DISCONNECT} for account A that names tenant B's ids everywhere else changes none
 * of B's rows; unsigned, forged or altered calls naming B change nothing. Jazzer then drives the endpoint with any
 * body (byte 0 picks the way: {@code 0} signed, {@code 1} unsigned, {@code 2} forged, {@code 3} signed then
 * altered; the rest is the body): never a 5xx, a call Jobber did not sign changes no connection, and a signed one
 * changes only a connection whose account it names. Jobber's signature has no timestamp, so a replay of a
 * genuine call is taken again; disconnecting twice is the same as once.
 * In {@code ./mvnw verify} the stored inputs run once; to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./redial test -pl crm-jobber -am -Dtest=JobberWebhookHostileInputTests -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JobberWebhookHostileInputTests {

    static final String WEBHOOK = "/crm/jobber/webhooks";
    static final String ACCOUNT_A = FakeJobber.ACCOUNT_ID;
    static final String ACCOUNT_B = "Z2lkOi8vSm9iYmVyL0FjY291bnQvMjAwMg==";
    static final FakeJobber jobber = new FakeJobber();
    private static final int SIGNED = CrmWebhookTenants.SIGNED, UNSIGNED = 1, FORGED = 2, ALTERED = 3;

    @DynamicPropertySource
    static void encryption(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    }

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newHttpClient();
    CrmWebhookTenants tenants;

    @BeforeEach
    void connectBoth() {
        tenants = new CrmWebhookTenants(provisioner, jdbc, JobberCrmProvider.ID.value(), ACCOUNT_A, ACCOUNT_B);
        tenants.connectBoth();
    }

    @Test
    void aDisconnectOfAccountANamingTenantBsIdsChangesNoneOfBsRows() throws Exception {
        String namingB = "{\"data\":{\"webHookEvent\":{\"topic\":\"APP_DISCONNECT\",\"appId\":\"" + ACCOUNT_B
                + "\",\"accountId\":\"" + ACCOUNT_A + "\",\"itemId\":\"" + ACCOUNT_B + "\",\"tenantId\":\"" + TENANT_B
                + "\",\"occurredAt\":\"2026-12-07T10:00:00Z\"}},\"accountId\":\"" + ACCOUNT_B + "\"}";
        String disconnectB = FakeJobber.webhookBody("APP_DISCONNECT", ACCOUNT_B, ACCOUNT_B);
        Map<String, Object> bBefore = tenants.rows(TENANT_B);

        assertThat(send(UNSIGNED, disconnectB).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(send(FORGED, disconnectB).statusCode()).as("forged").isEqualTo(401);
        assertThat(send(ALTERED, disconnectB).statusCode()).as("A's signature on B's disconnect").isEqualTo(401);
        assertThat(tenants.rows(TENANT_B)).isEqualTo(bBefore);
        assertThat(tenants.status(TENANT_A)).isEqualTo("CONNECTED");

        assertThat(send(SIGNED, namingB).statusCode()).isEqualTo(200);

        assertThat(tenants.status(TENANT_A)).as("account A disconnected").isEqualTo("DISCONNECTED");
        assertThat(tenants.rows(TENANT_B)).as("tenant B untouched").isEqualTo(bBefore);
    }

    @FuzzTest(maxDuration = "5m")
    void anyBodySignedOrNotIsAnsweredBelow500AndChangesOnlyTheNamedAccount(byte[] input) throws Exception {
        tenants.fuzzOnce(input, 4, this::send, "{}", 200);
    }

    private HttpResponse<String> send(int way, String body) throws Exception {
        String disconnectA = FakeJobber.webhookBody("APP_DISCONNECT", ACCOUNT_A, ACCOUNT_A);
        String signedBody = way != ALTERED ? body : body.equals(disconnectA) ? body + " " : disconnectA;
        String secret = way == FORGED ? "not-" + FakeJobber.CLIENT_SECRET : FakeJobber.CLIENT_SECRET;
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + WEBHOOK))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (way != UNSIGNED) {
            request.header(JobberHmac.HEADER, new JobberHmac(secret).sign(signedBody.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
