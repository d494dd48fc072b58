package io.redial.crm.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.crm.CrmId;
import io.redial.crm.CrmTokens;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A key rotation as an operator does it: the app runs with the new key and the old one as previous; what the old
 * key sealed stays readable while the re-seal task works through it, and afterwards the new key alone opens
 * every secret. The raw tables, read as bytes, never hold a token in plain text.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "redial.encryption-key=" + SecretRotationIntegrationTests.NEW_KEY,
        "redial.encryption-previous-keys=" + SecretRotationIntegrationTests.OLD_KEY})
class SecretRotationIntegrationTests {

    static final String OLD_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
    static final String FORGOTTEN_KEY = "YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODk=";
    static final TenantId TENANT = new TenantId("rotation-roofing");

    @Autowired CrmConnections connections;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    /** The task's first run (at start-up) is over, so the re-seals below are the test's own. */
    @BeforeEach
    void afterTheFirstResealRun() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'secret-reseal' AND picked = FALSE
                AND execution_time > ?""").param(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(30))
                .query(Long.class).single() == 1);
    }

    @Test
    void rotatingTheKeyReSealsEverySecretAndTheOldKeyReadsUntilThen() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: rotation-roofing
                    name: Rotation Roofing
                    timezone: America/Chicago
                """));
        List<CrmTokens> tokens = new ArrayList<>();
        for (String crm : List.of("hubspot", "jobber", "servicetitan")) {
            CrmTokens t = new CrmTokens("access-" + crm + "-7f3a9c", "refresh-" + crm + "-5b2e81", null, "acct-" + crm);
            connections.connect(TENANT, new CrmId(crm), t);
            tokens.add(t);
        }
        sealWith(OLD_KEY, "hubspot", tokens.get(0)); // stored before the rotation
        sealWith(OLD_KEY, "jobber", tokens.get(1));
        sealWith(FORGOTTEN_KEY, "servicetitan", tokens.get(2)); // an old key the operator no longer lists

        // while the re-seal has not run, both keys open what they sealed
        assertThat(connections.tokens(connection("hubspot"))).contains(tokens.get(0));
        assertThat(connections.tokens(connection("jobber"))).contains(tokens.get(1));

        assertThat(connections.resealWithCurrentKey()).isEqualTo(2);
        assertThat(connections.resealWithCurrentKey()).isZero();

        String newKeyId = new SecretCipher(NEW_KEY, "").currentKeyId();
        SecretCipher newKeyAlone = new SecretCipher(NEW_KEY, "");
        for (int i = 0; i < 2; i++) {
            String crm = List.of("hubspot", "jobber").get(i);
            var row = jdbc.sql("SELECT credentials_encrypted, key_id FROM crm_connections WHERE tenant_id = ? AND crm_id = ?")
                    .params(TENANT.value(), crm).query((rs, n) -> new SecretCipher.Sealed(rs.getString(2), rs.getBytes(1)))
                    .single();
            assertThat(row.keyId()).isEqualTo(newKeyId);
            assertThat(TokenCodec.decode(newKeyAlone.open(row, context(crm)))).isEqualTo(tokens.get(i));
            assertThat(connections.tokens(connection(crm))).contains(tokens.get(i));
        }
        assertThat(jdbc.sql("SELECT key_id FROM crm_connections WHERE crm_id = 'servicetitan'").query(String.class).single())
                .isEqualTo(new SecretCipher(FORGOTTEN_KEY, "").currentKeyId()); // left as it was, named in the log
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'secret-reseal'").query(Long.class)
                .single()).isOne();
    }

    @Test
    void noTableHoldsATokenInPlainText() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: rotation-roofing
                    name: Rotation Roofing
                    timezone: America/Chicago
                """));
        CrmTokens t = new CrmTokens("plain-access-c0ffee42", "plain-refresh-d00dfeed", null, "acct-scan");
        connections.connect(TENANT, new CrmId("scan-crm"), t);
        connections.storeRefreshed(connection("scan-crm"), new CrmTokens("plain-access-refreshed-b4d", "plain-refresh-refreshed-b4d",
                null, "acct-scan"));

        StringBuilder everything = new StringBuilder();
        for (String table : jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .query(String.class).list()) {
            for (var row : jdbc.sql("SELECT * FROM `" + table + "`").query().listOfRows()) {
                row.values().forEach(value -> everything.append(value instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value)).append('\n'));
            }
        }
        assertThat(everything.toString()).contains("acct-scan") // the scan does read the connection's row
                .doesNotContain("plain-access", "plain-refresh", "c0ffee42", "d00dfeed", "refreshed-b4d");
    }

    private void sealWith(String key, String crm, CrmTokens tokens) {
        var sealed = new SecretCipher(key, "").seal(TokenCodec.encode(tokens), context(crm));
        jdbc.sql("UPDATE crm_connections SET credentials_encrypted = ?, key_id = ? WHERE tenant_id = ? AND crm_id = ?")
                .params(sealed.bytes(), sealed.keyId(), TENANT.value(), crm).update();
    }

    private StoredConnection connection(String crm) {
        return connections.find(TENANT, new CrmId(crm)).orElseThrow();
    }

    private static String context(String crm) {
        return "crm_connections:" + TENANT.value() + ":" + crm;
    }
}
