package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmTokens;
import io.redial.crm.servicetitan.internal.mapping.Credentials;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.crm.sync.CrmJobRoutingTables;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.CrmSyncControl;
import io.redial.crm.sync.SyncState;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.crm.LeadFixtures;
import java.nio.charset.StandardCharsets;
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
 * Connecting a ServiceTitan tenant through core: the credentials are checked by fetching a token before
 * anything is saved, kept encrypted, removed on disconnect; an expiring token is renewed by one worker for
 * all (the lock is the connection's row, so the same holds for workers on other nodes).
 */
@SpringBootTest(classes = CoreTestApplication.class)
class ServiceTitanConnectionIntegrationTests {

    static final FakeServiceTitan servicetitan = new FakeServiceTitan();

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
    }

    @Autowired ClientCredentialConnections credentialConnections;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired Provisioner provisioner;
    @Autowired Leads leads;
    @Autowired CrmJobRoutingTables routing;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void theCredentialsAreCheckedWithServiceTitanBeforeAnythingIsSavedThenKeptEncryptedUntilDisconnect() {
        TenantId tenant = tenant("st-connect");
        var st = servicetitan.addTenant(8_800_001);

        assertThatThrownBy(() -> credentialConnections.connect(tenant, ServiceTitanCrmProvider.ID, String.valueOf(st.id()),
                st.clientId(), "cs1.wrong-secret", Map.of("booking_provider", "1"))).isInstanceOf(CrmAuthExpired.class);
        assertThat(connections.find(tenant, ServiceTitanCrmProvider.ID)).isEmpty();

        credentialConnections.connect(tenant, ServiceTitanCrmProvider.ID, String.valueOf(st.id()), st.clientId(),
                st.clientSecret(), Map.of("booking_provider", String.valueOf(st.bookingProvider())));

        var stored = connections.find(tenant, ServiceTitanCrmProvider.ID).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.CONNECTED);
        assertThat(stored.externalAccountId()).isEqualTo(String.valueOf(st.id()));
        assertThat(stored.settings()).containsEntry("booking_provider", String.valueOf(st.bookingProvider()));
        assertThat(stored.tokenExpiresAt()).isBetween(Instant.now().plusSeconds(880), Instant.now().plusSeconds(901));
        String atRest = new String(sealed(tenant), StandardCharsets.ISO_8859_1);
        assertThat(atRest).doesNotContain(st.clientSecret()).doesNotContain(st.clientId())
                .doesNotContain(new Credentials(st.clientId(), st.clientSecret()).pack());

        credentialConnections.disconnect(tenant, ServiceTitanCrmProvider.ID);

        assertThat(connections.find(tenant, ServiceTitanCrmProvider.ID).orElseThrow().status()).isEqualTo(ConnectionStatus.DISCONNECTED);
        assertThat(jdbc.sql("SELECT credentials_encrypted IS NULL FROM crm_connections WHERE tenant_id = ?")
                .param(tenant.value()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void theMappingTableOffersServiceTitansOwnListsAndRefusesIdsItDoesNotList() {
        TenantId tenant = tenant("st-mapping");
        var st = servicetitan.addTenant(8_800_004);
        long hvac = servicetitan.seedBusinessUnit(st.id(), "HVAC Service");
        long plumbing = servicetitan.seedBusinessUnit(st.id(), "Plumbing");
        long noCooling = servicetitan.seedJobType(st.id(), "No cooling");
        long campaign = servicetitan.seedCampaign(st.id(), "Missed calls (Redial)");
        credentialConnections.connect(tenant, ServiceTitanCrmProvider.ID, String.valueOf(st.id()), st.clientId(),
                st.clientSecret(), Map.of("booking_provider", String.valueOf(st.bookingProvider())));

        var table = routing.table(tenant, ServiceTitanCrmProvider.ID).orElseThrow();

        assertThat(table.columns()).extracting(CrmJobRouting.Column::label)
                .containsExactly("Business unit", "Job type", "Priority", "Campaign");
        assertThat(table.columns().getFirst().choices()).containsExactly(
                new CrmJobRouting.Choice(String.valueOf(hvac), "HVAC Service"), new CrmJobRouting.Choice(String.valueOf(plumbing), "Plumbing"));
        assertThat(table.rows()).isEmpty();
        var row = new CrmJobRouting.Row("hvac", Urgency.EMERGENCY, Map.of("businessUnit", String.valueOf(hvac),
                "jobType", String.valueOf(noCooling), "priority", "Urgent", "campaign", String.valueOf(campaign)));
        routing.save(tenant, ServiceTitanCrmProvider.ID, java.util.List.of(row));
        assertThat(routing.table(tenant, ServiceTitanCrmProvider.ID).orElseThrow().rows()).containsExactly(row);
        assertThat(connections.find(tenant, ServiceTitanCrmProvider.ID).orElseThrow().settings())
                .containsEntry("booking_provider", String.valueOf(st.bookingProvider()))
                .containsEntry("job.hvac.emergency", hvac + "," + noCooling + ",Urgent," + campaign);

        var typed = new CrmJobRouting.Row("hvac", Urgency.ROUTINE, Map.of("businessUnit", "12345",
                "jobType", String.valueOf(noCooling), "priority", "Normal", "campaign", String.valueOf(campaign)));
        assertThatThrownBy(() -> routing.save(tenant, ServiceTitanCrmProvider.ID, java.util.List.of(row, typed)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Business unit").hasMessageContaining("12345");
        assertThat(routing.table(tenant, ServiceTitanCrmProvider.ID).orElseThrow().rows()).containsExactly(row);
    }

    @Test
    void anExpiringTokenIsRenewedOnceForManyConcurrentWorkers() {
        TenantId tenant = tenant("st-renew");
        var st = servicetitan.addTenant(8_800_002);
        // A token stored 900 s ago: 30 s left, inside the minute before expiry when it must be renewed.
        connections.connect(tenant, ServiceTitanCrmProvider.ID, new CrmTokens(servicetitan.issueToken(st.id()),
                new Credentials(st.clientId(), st.clientSecret()).pack(), Instant.now().plusSeconds(30), String.valueOf(st.id())));
        connections.saveSettings(tenant, ServiceTitanCrmProvider.ID, Map.of("booking_provider", String.valueOf(st.bookingProvider())));
        servicetitan.resetCounts();
        int burst = 30;

        captureLeads(tenant, burst);

        await().atMost(Duration.ofSeconds(60)).until(() -> control.inState(tenant, SyncState.DONE).size() == burst);
        assertThat(servicetitan.tokenRequests()).isEqualTo(1);
        assertThat(servicetitan.all("booking", st.id())).hasSize(burst);
        assertThat(connections.find(tenant, ServiceTitanCrmProvider.ID).orElseThrow().tokenExpiresAt())
                .isAfter(Instant.now().plusSeconds(800));
    }

    @Test
    void aSecretTheTenantRevokedBreaksTheConnectionAndKeepsTheWork() {
        TenantId tenant = tenant("st-revoked");
        var st = servicetitan.addTenant(8_800_003);
        connections.connect(tenant, ServiceTitanCrmProvider.ID, new CrmTokens(servicetitan.issueToken(st.id()),
                new Credentials(st.clientId(), "cs1.revoked-by-the-tenant").pack(), Instant.now().plusSeconds(10),
                String.valueOf(st.id())));
        connections.saveSettings(tenant, ServiceTitanCrmProvider.ID, Map.of("booking_provider", String.valueOf(st.bookingProvider())));

        captureLeads(tenant, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> control.inState(tenant, SyncState.BLOCKED).size() == 1);
        var stored = connections.find(tenant, ServiceTitanCrmProvider.ID).orElseThrow();
        assertThat(stored.status()).isEqualTo(ConnectionStatus.BROKEN);
        assertThat(stored.lastError()).contains("refused the client id or secret").doesNotContain("cs1.revoked");
        assertThat(servicetitan.all("booking", st.id())).isEmpty();
    }

    private TenantId tenant(String id) {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: %s
                    name: %s
                    timezone: America/Chicago
                    lines:
                      - number: "+1512555%04d"
                        pattern: forwarded
                        forwarded_from: "+1512557%04d"
                """.formatted(id, id, Math.abs(id.hashCode()) % 10_000, Math.abs(id.hashCode()) % 10_000)));
        return new TenantId(id);
    }

    private byte[] sealed(TenantId tenant) {
        return jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?").param(tenant.value())
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private void captureLeads(TenantId tenant, int count) {
        new LeadFixtures(jdbc, leads, tx, tenant).captureLeads(java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> "+1737558" + String.format("%04d", Math.abs((tenant.value() + i).hashCode()) % 10_000)).toList());
    }
}
