package io.redial.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention setting removes the bodies of texts older than it, in and out, in batches, and keeps each row
 * with what the statistics count (direction, purpose, state, numbers, times); younger texts keep their words.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"redial.sandbox.demo-tenant=false",
        "redial.retention.message-bodies=P30D"})
class MessageRetentionIntegrationTests {

    @Autowired MessageRetention retention;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @Test
    void oldBodiesGoAndTheRowsStay() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: retention-co
                    name: Retention Plumbing
                    timezone: America/Chicago
                    lines: [{number: "+17375550900", pattern: forwarded}]
                """));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 1203; i++) { // more than two batches
            text("old-" + i, "out", "SENT", "Sorry we missed you, call " + i, now.minusDays(31));
        }
        text("old-in", "in", "RECEIVED", "my water heater is leaking", now.minusDays(45));
        text("young", "out", "SENT", "Sorry we missed you", now.minusDays(29));

        retention.purge(); // the hourly task, started with the app, may have taken some of them already
        assertThat(bodies().values()).filteredOn(MessageRetention.REMOVED::equals).hasSize(1204);

        assertThat(bodies()).containsEntry("old-0", MessageRetention.REMOVED).containsEntry("old-1202", MessageRetention.REMOVED)
                .containsEntry("old-in", MessageRetention.REMOVED).containsEntry("young", "Sorry we missed you");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messages WHERE tenant_id = 'retention-co' AND send_state = 'SENT'"
                + " AND direction = 'out' AND sent_at IS NOT NULL").query(Long.class).single())
                .as("the rows and what is counted of them stay").isEqualTo(1204);
        assertThat(retention.purge()).as("nothing twice").isZero();
    }

    private void text(String key, String direction, String state, String body, LocalDateTime at) {
        jdbc.sql("""
                INSERT INTO messages (tenant_id, direction, purpose, dedupe_key, from_number, to_number, body, send_state,
                                      sent_at, created_at, updated_at)
                VALUES ('retention-co', ?, 'textback', ?, '+17375550900', '+17375550901', ?, ?, ?, ?, ?)""")
                .params(direction, key, body, state, at, at, at).update();
    }

    private Map<String, String> bodies() {
        List<Map.Entry<String, String>> rows = jdbc.sql("SELECT dedupe_key, body FROM messages WHERE tenant_id = 'retention-co'")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        return rows.stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
