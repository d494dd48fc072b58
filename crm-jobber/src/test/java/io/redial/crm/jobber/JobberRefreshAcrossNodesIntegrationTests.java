package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.leads.KnownCustomers;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes (two Spring contexts, each with its own connection pool) share one database and one Jobber
 * connection whose access token is about to expire. Both need Jobber at the same moment; Jobber rotates
 * refresh tokens, so a second refresh with the old token would fail and break the connection. Exactly one
 * refresh happens, and both nodes go on with the new access token.
 */
class JobberRefreshAcrossNodesIntegrationTests {

    static final FakeJobber jobber = new FakeJobber();
    static final TenantId TENANT = new TenantId("two-nodes");
    static String schema;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        schema = TestDatabase.createSchema();
        nodeA = node();
        nodeB = node();
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        TestDatabase.dropSchema(schema);
        jobber.close();
    }

    @Test
    void twoNodesNeedingATokenAtOnceRefreshItOnceAndBothUseTheNewOne() throws Exception {
        nodeA.getBean(Provisioner.class).apply(ProvisioningFile.parse("""
                tenants:
                  - id: two-nodes
                    name: Two Nodes Plumbing
                    timezone: America/Chicago
                """));
        String expiring = jobber.issueAccessToken();
        nodeA.getBean(CrmConnections.class).connect(TENANT, JobberCrmProvider.ID, new CrmTokens(expiring,
                jobber.issueRefreshToken(), Instant.now().plusSeconds(60), FakeJobber.ACCOUNT_ID)); // inside the 5-minute margin
        // The connection's request-budget row, as its first request makes it: two nodes making it at the same
        // moment can deadlock in core's budget (a separate matter from the refresh this test is about).
        long connection = nodeA.getBean(CrmConnections.class).find(TENANT, JobberCrmProvider.ID).orElseThrow().id();
        nodeA.getBean(JdbcClient.class).sql("INSERT INTO crm_rate_budgets (connection_id, bucket, theoretical_arrival,"
                + " paused_until, waiting) VALUES (?, 'default', 0, 0, 0)").param(connection).update();
        PhoneNumber caller = new PhoneNumber("+15125550644");
        jobber.seedClient("Rosa", "Diaz", caller.e164());
        jobber.refreshesTake(Duration.ofMillis(700)); // long enough for the other node to arrive meanwhile

        CountDownLatch go = new CountDownLatch(1);
        // Threads of their own, as a node's workers are: on the common pool a worker blocked on the database lock
        // could starve the HTTP client's completions, which also run there.
        ExecutorService workers = Executors.newFixedThreadPool(2);
        var onA = CompletableFuture.supplyAsync(() -> lookUp(nodeA, go, caller), workers);
        var onB = CompletableFuture.supplyAsync(() -> lookUp(nodeB, go, caller), workers);
        go.countDown();
        workers.shutdown();

        assertThat(onA.get()).hasValueSatisfying(c -> assertThat(c.firstName()).isEqualTo("Rosa"));
        assertThat(onB.get()).hasValueSatisfying(c -> assertThat(c.firstName()).isEqualTo("Rosa"));
        assertThat(jobber.refreshes()).isEqualTo(1);
        assertThat(jobber.refusedRefreshes()).isZero();
        assertThat(jobber.callsWith(expiring)).as("nobody used the old token once a refresh was due").isZero();
        assertThat(jobber.tokensUsed()).singleElement().satisfies(fresh -> assertThat(jobber.callsWith(fresh)).isEqualTo(2));
    }

    private static Optional<KnownCustomers.KnownCustomer> lookUp(ConfigurableApplicationContext node, CountDownLatch go,
            PhoneNumber caller) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return node.getBean(KnownCustomers.class).lookUp(TENANT, caller);
    }

    private static ConfigurableApplicationContext node() {
        TestDatabase.Server server = TestDatabase.server();
        return new SpringApplicationBuilder(CoreTestApplication.class).properties(Map.of(
                "spring.datasource.url", server.urlFor(schema),
                "spring.datasource.username", server.user(),
                "spring.datasource.password", server.password(),
                "spring.datasource.hikari.maximum-pool-size", "4",
                "server.port", "0",
                "redial.encryption-key", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "redial.crm.jobber.client-id", FakeJobber.CLIENT_ID,
                "redial.crm.jobber.client-secret", FakeJobber.CLIENT_SECRET,
                "redial.crm.jobber.api-base-url", jobber.baseUrl(),
                "redial.crm.jobber.auth-base-url", jobber.baseUrl())).run();
    }
}
