package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
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
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the normal run (its name matches no surefire pattern). A burst of leads for one Jobber account,
 * captured in one transaction, drained by the real sync engine against the fake with Jobber's documented
 * budgets: 2,500 requests per 300 s and a 10,000-point cost bucket refilling 500 points/s. Prints the drain
 * time, requests, points spent, THROTTLED and 429 answers, and the drain time against the least the two budgets
 * allow for the same requests and points. Run: {@code ./mvnw -B -ntp -pl connector-core,crm-jobber verify
 * -Dtest=JobberDrainBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.leads=500}; the figures are in
 * {@code crm-jobber/target/jobber-drain-benchmark.txt}.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class JobberDrainBenchmark {

    static final TenantId TENANT = new TenantId("burst-jobber");
    static final FakeJobber jobber = new FakeJobber();
    static final int LEADS = Integer.getInteger("benchmark.leads", 500);
    static final int BUCKET = Integer.getInteger("benchmark.bucket", 10_000);
    static final int RESTORE_PER_SECOND = Integer.getInteger("benchmark.restore", 500);
    static final int REQUESTS_PER_WINDOW = 2_500;
    static final int WINDOW_SECONDS = 300;

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.5S");
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void drainsABurstOfLeadsForOneAccount() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: burst-jobber
                    name: Burst Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550950"
                        pattern: forwarded
                        forwarded_from: "+15125557950"
                """));
        connections.connect(TENANT, JobberCrmProvider.ID, new CrmTokens(jobber.issueAccessToken(), jobber.issueRefreshToken(),
                Instant.now().plus(Duration.ofHours(2)), FakeJobber.ACCOUNT_ID));
        warmUp();
        jobber.limits(BUCKET, RESTORE_PER_SECOND, REQUESTS_PER_WINDOW);
        jobber.resetCounters();

        new LeadFixtures(jdbc, leads, tx, TENANT).captureLeads(
                java.util.stream.IntStream.range(0, LEADS).mapToObj(i -> "+1737556" + String.format("%04d", i)).toList());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> control.inState(TENANT, SyncState.DONE).size() == LEADS);
        double drain = (System.nanoTime() - start) / 1e9;

        int requests = jobber.graphqlRequests();
        long points = jobber.pointsSpent();
        // The least time Jobber's two budgets allow for this many requests and points, starting full.
        double byPoints = Math.max(0, points - BUCKET) / (double) RESTORE_PER_SECOND;
        double byRequests = Math.max(0, requests - REQUESTS_PER_WINDOW) * WINDOW_SECONDS / (double) REQUESTS_PER_WINDOW;
        double minimum = Math.max(byPoints, byRequests);
        int retried = jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ?")
                .param(TENANT.value()).query(Integer.class).single();
        String report = String.format("""
                Jobber drain benchmark: %d leads for one account (budgets: %d points refilling %d/s; %d requests per %d s)
                  drain time:               %.1f s (%.1f leads/s)
                  Jobber requests:          %d (%.1f/s)
                  points spent:             %d (%.0f/s)
                  THROTTLED answers:        %d (goal 0)
                  429 answers:              %d
                  retries after errors:     %d
                  budget-implied minimum:   %.1f s (points %.1f s, requests %.1f s)
                  drain / minimum:          %.2f (goal <= 1.3)
                  clients / requests:       %d / %d
                """, LEADS, BUCKET, RESTORE_PER_SECOND, REQUESTS_PER_WINDOW, WINDOW_SECONDS, drain, LEADS / drain, requests,
                requests / drain, points, points / drain, jobber.throttledAnswers(), jobber.tooManyRequests(), retried,
                minimum, byPoints, byRequests, minimum == 0 ? Double.NaN : drain / minimum, jobber.clients().size(),
                jobber.requests().size());
        System.out.print(report);
        Files.writeString(Path.of("target", "jobber-drain-benchmark.txt"), report);
        assertThat(jobber.clients()).hasSize(LEADS + 1);
        assertThat(jobber.requests()).hasSize(LEADS);
    }

    /** A few calls through the fake and the app's client first, so the measurement leaves out cold-start costs. */
    private void warmUp() {
        jobber.limits(1_000_000, 1_000_000, 1_000_000);
        var provider = JobberCrmGatewayContractTests.provider(jobber, Duration.ofSeconds(20));
        var gateway = JobberCrmGatewayContractTests.connect(provider, jobber.issueAccessToken(), Map.of());
        gateway.upsertLead(JobberCrmGatewayTests.lead(new io.redial.shared.PhoneNumber("+15125559999"), "Warm Up", null,
                null, null, null), null);
        for (int i = 0; i < 20; i++) {
            gateway.findCustomer(new io.redial.shared.PhoneNumber("+15125559999"));
        }
    }
}
