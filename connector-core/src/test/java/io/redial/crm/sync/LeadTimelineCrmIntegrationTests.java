package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmCapability;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmId;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRecordRef;
import io.redial.crm.CrmTokens;
import io.redial.leads.LeadTimeline;
import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** A lead's timeline shows each CRM write with its state, and links the record when the CRM says where it lives. */
@SpringBootTest(classes = {CoreTestApplication.class, LeadTimelineCrmIntegrationTests.LinkingCrm.class}, properties = {
        "redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "redial.jobs.polling-interval=PT0.2S"})
class LeadTimelineCrmIntegrationTests {

    static final TenantId TENANT = new TenantId("timeline-crm");
    static final CrmId LINKING = new CrmId("linking");

    /**
     * A CRM that says where its records live; it writes through a {@link ScriptedCrm}. Listed in the test's
     * classes rather than as a scanned configuration, so no other test context gets a second CRM bean.
     */
    static class LinkingCrm implements CrmProvider {
        private final ScriptedCrm writes = new ScriptedCrm();

        @Override
        public CrmId id() {
            return LINKING;
        }

        @Override
        public String displayName() {
            return "Linking CRM";
        }

        @Override
        public Set<CrmCapability> capabilities() {
            return writes.capabilities();
        }

        @Override
        public CrmGateway connect(CrmConnection connection) {
            return writes.connect(connection);
        }

        @Override
        public Optional<URI> recordLink(CrmRecordRef record, @Nullable String accountId) {
            return Optional.of(URI.create("https://crm.example/" + accountId + "/" + record.type() + "/" + record.id()));
        }
    }

    @Autowired Provisioner provisioner;
    @Autowired CrmConnections connections;
    @Autowired CrmSyncControl control;
    @Autowired LeadTimeline timeline;
    @Autowired Leads leads;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void crmWorkAndTheRecordItWroteAppearWithALink() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: timeline-crm
                    name: Timeline CRM Heating
                    timezone: America/Chicago
                    lines: [{number: "+15125550760", pattern: forwarded}]
                """));
        connections.connect(TENANT, LINKING, new CrmTokens("token-1", "refresh-1", null, "acct-9"));

        long lead = captureLead("+15125550761");
        await().atMost(Duration.ofSeconds(15)).until(() -> control.inState(TENANT, SyncState.PENDING).isEmpty()
                && timeline.of(TENANT, lead).stream().anyMatch(e -> e.link() != null));

        var crm = timeline.of(TENANT, lead).stream().filter(e -> e.kind() == LeadTimeline.Kind.CRM).toList();
        assertThat(crm).anySatisfy(e -> assertThat(e.text()).startsWith("linking sync of lead"))
                .anySatisfy(e -> assertThat(e.state()).isEqualTo("done"));
        assertThat(crm).anySatisfy(e -> {
            assertThat(e.text()).startsWith("linking contact ");
            assertThat(e.link().toString()).startsWith("https://crm.example/acct-9/contact/");
        });
        assertThat(timeline.of(new TenantId("someone-else"), lead)).isEmpty();
    }

    private long captureLead(String phone) {
        return tx.execute(s -> {
            long line = jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(TENANT.value()).query(Long.class).single();
            var keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)").params(TENANT.value(), phone, now())
                    .update(keys);
            long caller = keys.getKey().longValue();
            var callKeys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, outcome, received_at)
                    VALUES (?, ?, ?, ?, ?, '+15125550760', 'MISSED', ?)""")
                    .params(TENANT.value(), line, caller, "CA" + System.nanoTime(), phone, now()).update(callKeys);
            return leads.capture(TENANT, caller, callKeys.getKey().longValue(), null);
        });
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
