package io.redial.crm.hubspot;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the normal run (its name matches no surefire pattern). A burst of leads for one HubSpot
 * portal, captured in one transaction, drained by the real sync engine against the fake with HubSpot's
 * limits (100 requests per 10 s, 4 searches per second). Prints the drain time and how many 429s the
 * fake answered. Run: {@code ./mvnw -o -pl connector-core,crm-hubspot verify -Dtest=HubSpotDrainBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark.leads=1000}; the figures are in
 * {@code crm-hubspot/target/hubspot-drain-benchmark.txt}.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class HubSpotDrainBenchmark {

    static final TenantId TENANT = new TenantId("burst-hvac");
    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final int LEADS = Integer.getInteger("benchmark.leads", 1000);

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        hubspot.pointAppAt(registry);
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.5S");
    }

    @AfterAll
    static void stop() {
        hubspot.close();
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void drainsABurstOfLeadsForOnePortal() throws Exception {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: burst-hvac
                    name: Burst HVAC
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550900"
                        pattern: forwarded
                        forwarded_from: "+15125557900"
                """));
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "r", Instant.now().plus(Duration.ofHours(2)), "4242"));
        hubspot.warmUp();
        long line = jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(TENANT.value()).query(Long.class).single();

        tx.executeWithoutResult(s -> {
            for (int i = 0; i < LEADS; i++) {
                String phone = "+1737555" + String.format("%04d", i);
                long caller = insert("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)", TENANT.value(), phone, now());
                long call = insert("""
                        INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, outcome, received_at)
                        VALUES (?, ?, ?, ?, ?, '+15125550900', 'MISSED', ?)""",
                        TENANT.value(), line, caller, "CA-burst-" + i, phone, now());
                leads.capture(TENANT, caller, call, null);
            }
        });
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> control.inState(TENANT, SyncState.DONE).size() == LEADS);
        Duration drain = Duration.ofNanos(System.nanoTime() - start);

        int retried = jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ?")
                .param(TENANT.value()).query(Integer.class).single();
        String report = String.format("""
                HubSpot drain benchmark: %d leads for one portal
                  drain time:            %.1f s (%.2f leads/s)
                  HubSpot requests:      %d (%.2f/s; limit 10/s, searches 4/s)
                  429 answers:           %d %s
                  retries after errors:  %d
                  contacts / calls:      %d / %d
                """, LEADS, drain.toMillis() / 1000.0, LEADS * 1000.0 / drain.toMillis(), hubspot.crmRequests(),
                hubspot.crmRequests() * 1000.0 / drain.toMillis(), hubspot.tooManyRequests(), hubspot.tooManyRequestsByPolicy(), retried,
                hubspot.all("contacts").size(), hubspot.all("calls").size());
        System.out.print(report);
        Files.writeString(Path.of("target", "hubspot-drain-benchmark.txt"), report);
        assertThat(hubspot.all("contacts")).hasSize(LEADS);
        assertThat(hubspot.all("calls")).hasSize(LEADS);
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
