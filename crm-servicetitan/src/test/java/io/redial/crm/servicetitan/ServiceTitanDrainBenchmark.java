package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.crm.LeadFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the normal run (its name matches no surefire pattern). A burst of leads for one ServiceTitan
 * tenant, captured in one transaction, drained by the real sync engine into the fake, which enforces the
 * published 60 requests per second per app per tenant and answers 429 with Retry-After above it. Prints the
 * drain time, requests, 429 answers (goal 0) and the ratio of the drain time to the minimum the limit allows
 * for those requests (goal ≤ 1.3). Run: {@code ./mvnw -B -ntp -pl connector-core,crm-servicetitan verify
 * -Dtest=ServiceTitanDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.leads=500}; the figures
 * are in {@code crm-servicetitan/target/servicetitan-drain-benchmark.txt}.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class ServiceTitanDrainBenchmark {

    static final TenantId TENANT = new TenantId("burst-titan");
    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant stTenant = servicetitan.addTenant(6_600_001);
    static final int LEADS = Integer.getInteger("benchmark.leads", 500);
    static final int LIMIT = Integer.getInteger("benchmark.limit", 60);

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.crm.servicetitan.requests-per-second", () -> LIMIT);
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.5S");
    }

    @Autowired Provisioner provisioner;
    @Autowired ClientCredentialConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void drainsABurstOfLeadsForOneTenantAtServiceTitansLimit() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: burst-titan
                    name: Burst Titan HVAC
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550600"
                        pattern: forwarded
                        forwarded_from: "+15125557600"
                """));
        servicetitan.limitRequestsPerSecond(LIMIT);
        connections.connect(TENANT, ServiceTitanCrmProvider.ID, String.valueOf(stTenant.id()), stTenant.clientId(),
                stTenant.clientSecret(), Map.of("booking_provider", String.valueOf(stTenant.bookingProvider())));
        Thread.sleep(1_100); // let the fake's one-second window empty
        servicetitan.resetCounts();

        new LeadFixtures(jdbc, leads, tx, TENANT).captureLeads(
                java.util.stream.IntStream.range(0, LEADS).mapToObj(i -> "+1737559" + String.format("%04d", i)).toList());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> control.inState(TENANT, SyncState.DONE).size() == LEADS);
        Duration drain = Duration.ofNanos(System.nanoTime() - start);

        int requests = servicetitan.apiRequests();
        double minimum = (double) requests / LIMIT;
        double seconds = drain.toMillis() / 1000.0;
        int retried = jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ?")
                .param(TENANT.value()).query(Integer.class).single();
        String report = String.format("""
                ServiceTitan drain benchmark: %d leads for one tenant, limit %d requests/s per app per tenant
                  drain time:             %.1f s (%.2f leads/s)
                  ServiceTitan requests:  %d (%.1f/s, %.1f per lead)
                  429 answers:            %d (goal 0)
                  token requests:         %d
                  limit-implied minimum:  %.1f s (requests / %d per s)
                  drain / minimum:        %.2f (goal <= 1.3)
                  retries after errors:   %d
                  bookings:               %d
                """, LEADS, LIMIT, seconds, LEADS / seconds, requests, requests / seconds, (double) requests / LEADS,
                servicetitan.tooManyRequests(), servicetitan.tokenRequests(), minimum, LIMIT, seconds / minimum, retried,
                servicetitan.all("booking", stTenant.id()).size());
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "servicetitan-drain-benchmark.txt"), report);
        assertThat(servicetitan.all("booking", stTenant.id())).hasSize(LEADS);
    }
}
