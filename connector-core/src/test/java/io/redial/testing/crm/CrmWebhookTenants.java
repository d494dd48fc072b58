package io.redial.testing.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two tenants connected to one CRM under two accounts, for the CRM webhook tests: a signed callback may change
 * only the connection of the account it names as uninstalled, never another tenant's. {@link #connectBoth} puts
 * both connections back as connected (with stand-in sealed tokens), {@link #rows} reads every row of each tenant's
 * connection, so a test compares before and after. {@link #fuzzOnce} is the fuzz check both CRMs' webhooks share.
 */
public final class CrmWebhookTenants {

    public static final String TENANT_A = "hook-tenant-a";
    public static final String TENANT_B = "hook-tenant-b";
    /** The way of sending that signs the body as the CRM does; every other way must be refused with 401. */
    public static final int SIGNED = 0;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    /** A CRM's webhook endpoint, called one way or another ({@link #SIGNED}, unsigned, forged…) with a body. */
    @FunctionalInterface
    public interface Webhook {
        HttpResponse<String> send(int way, String body) throws Exception;
    }

    private final JdbcClient jdbc;
    private final String crm;
    private final Map<String, String> accounts;

    /** {@code accountA} and {@code accountB}: each tenant's account id in the CRM (a HubSpot portal, a Jobber account). */
    public CrmWebhookTenants(Provisioner provisioner, JdbcClient jdbc, String crm, String accountA, String accountB) {
        this.jdbc = jdbc;
        this.crm = crm;
        this.accounts = Map.of(TENANT_A, accountA, TENANT_B, accountB);
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: %s
                    name: Hook Tenant A
                    timezone: America/Chicago
                  - id: %s
                    name: Hook Tenant B
                    timezone: America/Chicago
                """.formatted(TENANT_A, TENANT_B)));
    }

    public void connectBoth() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        accounts.forEach((tenant, account) -> {
            jdbc.sql("DELETE FROM crm_connections WHERE tenant_id = ? AND crm_id = ?").params(tenant, crm).update();
            jdbc.sql("""
                    INSERT INTO crm_connections (tenant_id, crm_id, status, external_account_id, credentials_encrypted,
                                                 key_id, connected_at, updated_at)
                    VALUES (?, ?, 'CONNECTED', ?, ?, 'stand-in', ?, ?)""")
                    .params(tenant, crm, account, ("sealed tokens of " + tenant).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            now, now).update();
        });
    }

    /** Every column of the tenant's connection to this CRM, by name; empty when it has none. */
    public Map<String, Object> rows(String tenant) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM crm_connections WHERE tenant_id = ? AND crm_id = ?")
                .params(tenant, crm).query().listOfRows();
        Map<String, Object> all = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            rows.get(i).forEach((column, value) -> all.put(row + "." + column,
                    value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value)));
        }
        return all;
    }

    public String account(String tenant) {
        return accounts.get(tenant);
    }

    public String status(String tenant) {
        return jdbc.sql("SELECT status FROM crm_connections WHERE tenant_id = ? AND crm_id = ?").params(tenant, crm)
                .query(String.class).single();
    }

    /** A tenant's connection changed only if {@code body} names its account at all (as the uninstalled one, or not). */
    public void assertOnlyNamedAccountsChanged(Map<String, Map<String, Object>> before, String body) {
        before.forEach((tenant, rows) -> {
            if (!body.contains(accounts.get(tenant))) {
                assertThat(rows(tenant)).as("%s's connection, not named in %s", tenant, body).isEqualTo(rows);
            }
        });
    }

    /**
     * One fuzz input against a CRM's webhook: byte 0 picks one of {@code ways} ways of sending, the rest is the
     * body. Never a 5xx; a call the CRM did not sign is refused with 401 and changes no connection; a signed one
     * changes only a connection whose account it names; and the endpoint still takes {@code harmlessBody}, signed,
     * with {@code acceptedStatus} afterwards.
     */
    public void fuzzOnce(byte[] input, int ways, Webhook webhook, String harmlessBody, int acceptedStatus)
            throws Exception {
        // Jazzer's SSRF detector (loaded once fuzzing starts) stops any connection; everything here is on loopback.
        BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host));
        if (input.length < 1) {
            return;
        }
        connectBoth();
        int way = Math.floorMod(input[0] - '0', ways);
        String body = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        var before = snapshot();

        HttpResponse<String> answer = webhook.send(way, body);

        assertThat(answer.statusCode()).as("answer to %s", body).isLessThan(500);
        if (way == SIGNED) {
            assertOnlyNamedAccountsChanged(before, body);
        } else {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(snapshot()).as("a call the CRM did not sign changes nothing").isEqualTo(before);
        }
        assertThat(webhook.send(SIGNED, harmlessBody).statusCode()).as("still answers").isEqualTo(acceptedStatus);
    }

    public Map<String, Map<String, Object>> snapshot() {
        return Map.of(TENANT_A, rows(TENANT_A), TENANT_B, rows(TENANT_B));
    }
}
