package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmConnections;
import io.redial.shared.TenantId;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An uninstall reported only in HubSpot's Webhooks Journal: core's recurring task reads the journal with an app
 * client-credentials token, disconnects the portal's tenant (tokens deleted) as an uninstall webhook would, and
 * remembers the offset, so the entries it handled are not read again.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class HubSpotJournalUninstallTests {

    static final FakeHubSpot hubspot = new FakeHubSpot();
    static final TenantId TENANT = new TenantId("hubspot-journal-4243");

    @DynamicPropertySource
    static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("redial.encryption-key", () -> "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        registry.add("redial.jobs.polling-interval", () -> "PT0.2S");
        registry.add("redial.crm.journal-interval", () -> "PT0.5S");
    }


    @Autowired io.redial.tenants.provisioning.Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired JdbcClient jdbc;

    @Test
    void anUninstallInTheJournalDisconnectsThePortalAndItsOffsetIsRemembered() {
        jdbc.sql("DELETE FROM crm_journal_offsets WHERE crm = 'hubspot'").update(); // a rerun on the same database
        provisioner.apply(io.redial.tenants.provisioning.ProvisioningFile.parse("""
                tenants:
                  - id: hubspot-journal-4243
                    name: Journal Heating
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550809"
                        pattern: dial
                        ring: ["+15125550899"]
                """));
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "refresh-4243", Instant.now().plusSeconds(1800), "4243"));
        hubspot.journalOther(4243);
        hubspot.journalUninstall(4243);

        await().atMost(Duration.ofSeconds(20)).until(() -> connections.find(TENANT, HubSpotCrmProvider.ID).orElseThrow().status()
                == ConnectionStatus.DISCONNECTED);
        assertThat(jdbc.sql("SELECT credentials_encrypted FROM crm_connections WHERE tenant_id = ?").param(TENANT.value())
                .query(byte[].class).optional()).as("tokens deleted").isEmpty();

        int reads = hubspot.journalFileReads();
        assertThat(reads).isEqualTo(2);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true); // several more runs
        assertThat(hubspot.journalFileReads()).as("handled entries are not read again").isEqualTo(reads);
        assertThat(jdbc.sql("SELECT journal_offset FROM crm_journal_offsets WHERE crm = 'hubspot'").query(String.class).single())
                .isNotBlank();
    }
}
