package io.redial.testing.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import io.redial.testing.FakeTwilio;
import io.redial.testing.Outage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CRM down for ten minutes and back, for each adapter: missed calls become leads while every connection to
 * the CRM is reset; each lead's sync waits with its backoff and, once the CRM answers again, reaches it exactly
 * once. Time is driven by configuration: the backoff starts at 0.1 s instead of 10 s, so the outage is held
 * until each lead has been tried {@link #TRIES_IN_TEN_MINUTES} times, as many as ten minutes cost at the real
 * backoff (10 + 20 + 40 + 80 + 160 + 320 s); a reset connection may have written, so each attempt's claim is held
 * for a retry that looks first, for 0.1 s instead of 10 s. Afterwards the database shows every lead's work done,
 * none failed.
 */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"redial.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "redial.jobs.polling-interval=PT0.2S", "redial.crm.sync.first-backoff=PT0.1S",
                "redial.crm.sync.answer-lost-wait=PT0.1S",
                "redial.textback.lookup-budget=PT2S", "redial.llm.base-url="})
public abstract class CrmOutageScenario {

    public static final int TRIES_IN_TEN_MINUTES = 6;
    protected static final TenantId TENANT = new TenantId("outage-plumbing");
    static final List<String> CALLERS = List.of("+15125550381", "+15125550382", "+15125550383");
    /** Found by {@code FakeServices} in this superclass; closed after the test class (one scenario per module). */
    static final FakeTwilio twilio = new FakeTwilio("AC0123456789abcdef0123456789abcdef", "test-auth-token-0123456789abcdef");

    @LocalServerPort int port;
    @Autowired Provisioner provisioner;
    @Autowired protected JdbcClient jdbc;

    private final Supplier<Outage> outage;
    private final ToIntFunction<PhoneNumber> recordsOf;

    /**
     * {@code outage}: takes the CRM's fake down until closed; {@code recordsOf}: how many records of the lead's caller
     * the CRM holds (a contact, a client, a booking).
     */
    protected CrmOutageScenario(Supplier<Outage> outage, ToIntFunction<PhoneNumber> recordsOf) {
        this.outage = outage;
        this.recordsOf = recordsOf;
    }

    /** Connects {@link #TENANT} to the CRM under test. */
    protected abstract void connect();

    @Test
    void everyLeadReachesTheCrmExactlyOnceAfterTenMinutesDown() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: outage-plumbing
                    name: Outage Plumbing
                    timezone: America/Chicago
                    lines:
                      - number: "+15125550380"
                        pattern: dial
                        ring: ["+15125550389"]
                """));
        connect();
        var webhooks = twilio.webhooks(port);
        long refused;
        try (Outage down = outage.get()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                assertThat(webhooks.postSigned("/twilio/voice/dial-status", Map.of("CallSid", "CA%032x".formatted(0x380 + i),
                        "From", CALLERS.get(i), "To", "+15125550380", "CallStatus", "completed",
                        "DialCallStatus", "no-answer", "Direction", "inbound")).statusCode()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("""
                    SELECT COUNT(*) FROM crm_sync_work WHERE tenant_id = ? AND kind = 'LEAD' AND state = 'PENDING'
                    AND attempts >= ?""").params(TENANT.value(), TRIES_IN_TEN_MINUTES).query(Long.class).single()
                    == CALLERS.size());
            refused = down.refused();
        }
        assertThat(refused).isGreaterThanOrEqualTo(TRIES_IN_TEN_MINUTES); // a CRM that batches takes leads together
        for (String caller : CALLERS) { // every missed caller was still texted back while the CRM was down
            assertThat(twilio.sent()).filteredOn(m -> m.to().equals(caller)).hasSize(1);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM crm_sync_work WHERE tenant_id = ? AND kind = 'LEAD' AND state = 'DONE'""")
                .param(TENANT.value()).query(Long.class).single() == CALLERS.size());
        for (String caller : CALLERS) {
            assertThat(recordsOf.applyAsInt(new PhoneNumber(caller))).as(caller).isOne();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM leads WHERE tenant_id = ?").param(TENANT.value()).query(Long.class)
                .single()).isEqualTo(CALLERS.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crm_sync_work WHERE tenant_id = ? AND state NOT IN ('DONE', 'PENDING')")
                .param(TENANT.value()).query(Long.class).single()).as("failed, rejected or blocked work").isZero();
    }
}
