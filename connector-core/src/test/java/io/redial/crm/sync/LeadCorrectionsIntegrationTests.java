package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmTokens;
import io.redial.leads.LeadCorrections;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadTimeline;
import io.redial.leads.Leads;
import io.redial.leads.Urgency;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** A person's correction of a lead reaches the CRM through the ordinary sync, and the timeline says who made it. */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "redial.jobs.polling-interval=PT0.2S", "redial.public-base-url=https://redial.example.com"})
@Import(CrmSyncIntegrationTests.Fakes.class) // the same context as the sync's own tests
class LeadCorrectionsIntegrationTests {

    static final TenantId TENANT = new TenantId("correct-heating");

    @Autowired ScriptedCrm crm;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired LeadCorrections corrections;
    @Autowired LeadTimeline timeline;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Provisioner provisioner;

    @BeforeEach
    void tenantWithConnection() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: correct-heating
                    name: Correct Heating
                    timezone: America/Chicago
                    lines: [{number: "+15125550720", pattern: forwarded}]
                """));
        connections.connect(TENANT, ScriptedCrm.ID, new CrmTokens("token-1", "refresh-1", null, "acct-1"));
    }

    @Test
    void aCorrectedNameAndAddressReachTheCrmAndTheTimelineSaysWhoChangedWhat() {
        String phone = "+1512555" + (2000 + (System.nanoTime() % 7000));
        long lead = captureLead(phone);
        tx.executeWithoutResult(s -> leads.updateDetails(TENANT, lead,
                new LeadDetails("Dana Ortis", "12 Elm St", true, "no heat", "hvac", Urgency.URGENT)));
        awaitAllDone();

        boolean changed = corrections.correct(TENANT, lead,
                new LeadDetails("Dana Ortiz", "12 Elm Street, Austin", null, "no heat", "hvac", Urgency.URGENT), "maria");
        awaitAllDone();

        assertThat(changed).isTrue();
        assertThat(crm.writes("upsert")).filteredOn(w -> w.contactId().equals(crm.contactsByPhone.get(phone)))
                .extracting(ScriptedCrm.Write::detail).last().isEqualTo("Dana Ortiz");
        var details = leads.find(TENANT, lead).orElseThrow().details();
        assertThat(details.serviceAddress()).isEqualTo("12 Elm Street, Austin");
        assertThat(details.inServiceArea()).as("a new address is not yet checked against the area").isNull();
        assertThat(timeline.of(TENANT, lead)).filteredOn(e -> e.kind() == LeadTimeline.Kind.STAFF)
                .extracting(LeadTimeline.Entry::text).containsExactly("maria corrected the name \"Dana Ortis\" → "
                        + "\"Dana Ortiz\"; address \"12 Elm St\" → \"12 Elm Street, Austin\"");
    }

    @Test
    void savingWhatTheLeadAlreadySaysWritesNothingAndSyncsNothing() {
        long lead = captureLead("+1512555" + (2000 + (System.nanoTime() % 7000)));
        tx.executeWithoutResult(s -> leads.updateDetails(TENANT, lead,
                new LeadDetails("Sam Lee", null, null, "no heat", "hvac", null)));
        awaitAllDone();
        int writes = crm.writes("upsert").size();

        boolean changed = corrections.correct(TENANT, lead, new LeadDetails("Sam Lee", "", null, "no heat", "hvac", null),
                "maria");

        assertThat(changed).isFalse();
        assertThat(control.inState(TENANT, SyncState.PENDING)).isEmpty();
        assertThat(crm.writes("upsert")).hasSize(writes);
        assertThat(timeline.of(TENANT, lead)).noneMatch(e -> e.kind() == LeadTimeline.Kind.STAFF);
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)")
                    .params(TENANT.value(), phone, LocalDateTime.now(ZoneOffset.UTC)).update(keys);
            return leads.capture(TENANT, keys.getKey().longValue(), null, null);
        });
    }

    private void awaitAllDone() {
        await().atMost(Duration.ofSeconds(15)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty());
    }
}
