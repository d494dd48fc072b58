package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** A lead whose text-back did not arrive gets one high-priority call-back task in the tenant's CRM. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "redial.jobs.polling-interval=PT0.2S", "redial.public-base-url=https://redial.example.com"})
@Import(CallBackTaskIntegrationTests.Fakes.class)
class CallBackTaskIntegrationTests {

    static final TenantId TENANT = new TenantId("callback-roofing");

    @TestConfiguration
    static class Fakes {
        @Bean
        ScriptedCrm scriptedCrm() {
            return new ScriptedCrm();
        }
    }

    @Autowired ScriptedCrm crm;
    @Autowired CrmConnections connections;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Provisioner provisioner;

    @Test
    void aLeadNotReachedByTextGetsOneCallBackTask() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: callback-roofing
                    name: Callback Roofing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125552800"
                        pattern: forwarded
                """));
        connections.connect(TENANT, ScriptedCrm.ID, new CrmTokens("token-1", "refresh-1", null, "acct-1"));
        long lead = captureLead("+15125552811");

        boolean first = tx.execute(s -> leads.markNotReachedByText(TENANT, lead, "the number is a landline (carrier error 30006)"));
        boolean again = tx.execute(s -> leads.markNotReachedByText(TENANT, lead, "the carrier did not deliver it"));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> !crm.writes("task").isEmpty());
        assertThat(crm.writes("task")).singleElement().satisfies(w ->
                assertThat(w.detail()).isEqualTo("HIGH Call back +15125552811: our text did not reach them"));
        assertThat(leads.notReachedReason(TENANT, lead)).contains("the number is a landline (carrier error 30006)");
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                    .params(TENANT.value(), phone, LocalDateTime.now(ZoneOffset.UTC)).update(keys);
            return leads.capture(TENANT, keys.getKey().longValue(), null, null);
        });
    }
}
