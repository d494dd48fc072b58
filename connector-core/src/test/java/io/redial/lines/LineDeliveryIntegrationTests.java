package io.redial.lines;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.shared.PhoneNumber;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's delivery rate per line and its estimate of how long a queued burst takes. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class LineDeliveryIntegrationTests {

    static final TenantId TENANT = new TenantId("delivery-plumbing");
    static final String LINE = "+15125553100";
    static final String QUIET_LINE = "+15125553101";

    @Autowired Provisioner provisioner;
    @Autowired LineDelivery delivery;
    @Autowired JdbcClient jdbc;

    @Test
    void countsDeliveredAgainstUndeliveredFailedAndRefusedButNotOptedOut() {
        provision();
        text("delivered", "SENT", null);
        text("read", "SENT", null);
        text("delivered", "SENT", null);
        text("undelivered", "SENT", "30007");
        text(null, "FAILED", "21211");
        text(null, "FAILED", "opted-out");
        text("queued", "SENT", null);

        assertThat(delivery.rates(TENANT, Duration.ofDays(30))).containsExactly(
                new LineDelivery.Rate(new PhoneNumber(LINE), 3, 2), new LineDelivery.Rate(new PhoneNumber(QUIET_LINE), 0, 0));
        assertThat(delivery.rates(TENANT, Duration.ofDays(30)).getFirst().percent()).isEqualTo(60);
    }

    @Test
    void aBacklogIsTheLaterOfTheNextFreeSlotAndTheWaitingTextsAtTheLinesPace() {
        provision();
        jdbc.sql("INSERT INTO sender_pacing (sender, next_slot_ms) VALUES (?, ?) ON DUPLICATE KEY UPDATE next_slot_ms = VALUES(next_slot_ms)")
                .params(LINE, System.currentTimeMillis() + 30_000).update();
        assertThat(delivery.backlogs(TENANT)).singleElement().satisfies(b -> {
            assertThat(b.line().e164()).isEqualTo(LINE);
            assertThat(b.clearsIn().toSeconds()).isBetween(25L, 30L);
        });

        for (int i = 0; i < 90; i++) { // 90 unsent texts at one a second
            text(null, "PENDING", null);
        }
        assertThat(delivery.backlogs(TENANT).getFirst().clearsIn().toSeconds()).isBetween(90L, 91L);
    }

    private void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: delivery-plumbing
                    name: Delivery Plumbing
                    timezone: America/Chicago
                    sends_per_minute: 60
                    lines:
                      - number: "%s"
                        pattern: forwarded
                      - number: "%s"
                        pattern: forwarded
                """.formatted(LINE, QUIET_LINE)));
        jdbc.sql("DELETE FROM messages WHERE tenant_id = ?").param(TENANT.value()).update();
        jdbc.sql("DELETE FROM sender_pacing WHERE sender IN (?, ?)").params(LINE, QUIET_LINE).update();
    }

    private void text(String carrierStatus, String state, String errorCode) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO messages (tenant_id, direction, purpose, dedupe_key, from_number, to_number, body, send_state,
                                      carrier_status, error_code, attempts, created_at, updated_at)
                VALUES (?, 'out', 'textback', ?, ?, '+15125553199', 'Hi', ?, ?, ?, 1, ?, ?)""")
                .params(TENANT.value(), "delivery-test:" + System.nanoTime(), LINE, state, carrierStatus, errorCode, now, now)
                .update();
    }
}
