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
import io.redial.testing.crm.LeadFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import io.redial.shared.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the normal run (its name matches no surefire pattern). A burst of leads for one HubSpot
 * portal, captured in one transaction, drained by the real sync engine against the fake with HubSpot's
 * limits (100 requests per 10 s, 4 searches per second apart from them, 100 inputs a batch). A third of
 * the callers are contacts already, some callers call twice. Prints the drain time, requests, searches, 429
 * answers and contacts made against those expected (goals: 30 s, no 429, no duplicate). Run: {@code ./mvnw -o -pl connector-core,crm-hubspot verify -Dtest=HubSpotDrainBenchmark
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

        // A third of the callers are already contacts, typed as an office types them; every tenth caller called
        // twice (two leads, one number: one contact).
        int existing = 0;
        Set<String> seeded = new java.util.HashSet<>();
        for (int i = 0; i < LEADS; i += 3) {
            String phone = phone(i);
            seeded.add(phone);
            hubspot.seedContact(Map.of("firstname", "Known" + i, "lastname", "Customer",
                    i % 2 == 0 ? "phone" : "mobilephone", i % 4 == 0 ? phone : "(737) 555-" + phone.substring(8)));
            existing++;
        }
        new LeadFixtures(jdbc, leads, tx, TENANT).captureLeads(
                java.util.stream.IntStream.range(0, LEADS).mapToObj(i -> phone(i % 10 == 9 ? i - 1 : i)).toList());
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> control.inState(TENANT, SyncState.DONE).size() == LEADS);
        Duration drain = Duration.ofNanos(System.nanoTime() - start);

        int retried = jdbc.sql("SELECT COALESCE(SUM(attempts), 0) FROM crm_sync_work WHERE tenant_id = ?")
                .param(TENANT.value()).query(Integer.class).single();
        Set<String> phones = new java.util.HashSet<>();
        for (int i = 0; i < LEADS; i++) {
            phones.add(phone(i % 10 == 9 ? i - 1 : i));
        }
        // Every seeded contact stays; one is created per number no contact had.
        int expectedContacts = existing + (int) phones.stream().filter(p -> !seeded.contains(p)).count();
        int contacts = hubspot.all("contacts").size();
        long duplicates = phones.stream().filter(p -> hubspot.contactsWithPhone(new PhoneNumber(p)).size() > 1).count();
        String report = String.format("""
                HubSpot drain benchmark: %d leads for one portal (%d callers already contacts, every tenth lead a repeat caller)
                  drain time:            %.1f s (%.2f leads/s; goal <= 30 s)
                  HubSpot requests:      %d (%.2f/s; HubSpot allows 110 per 10 s and 5 searches/s apart; the app budgets 100 and 4)
                  of which searches:     %d, batch writes: %d
                  429 answers:           %d %s (goal 0)
                  retries after errors:  %d
                  contacts:              %d, expected %d (%d existed); numbers with more than one contact: %d (goal 0)
                  calls:                 %d, expected %d
                """, LEADS, existing, drain.toMillis() / 1000.0, LEADS * 1000.0 / drain.toMillis(), hubspot.crmRequests(),
                hubspot.crmRequests() * 1000.0 / drain.toMillis(), hubspot.searches(), hubspot.batchRequests(),
                hubspot.tooManyRequests(), hubspot.tooManyRequestsByPolicy(), retried,
                contacts, expectedContacts, existing, duplicates, hubspot.all("calls").size(), LEADS);
        System.out.print(report);
        Files.writeString(Path.of("target", "hubspot-drain-benchmark.txt"), report);
        assertThat(duplicates).isZero();
        assertThat(contacts).isEqualTo(expectedContacts);
        assertThat(hubspot.all("calls")).hasSize(LEADS);
    }

    private static String phone(int i) {
        return "+1737555" + String.format("%04d", i);
    }
}
