package io.redial.crm.sync;

import io.redial.crm.CrmId;
import io.redial.crm.CrmTokens;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tenants' CRM connections. Tokens are sealed with {@link SecretCipher}, bound to their tenant and CRM. */
@Repository
public class CrmConnections {

    private static final Logger log = LoggerFactory.getLogger(CrmConnections.class);

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CrmConnections(JdbcClient jdbc, SecretCipher cipher, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** Creates or renews the tenant's connection to {@code crm} and announces it, so waiting work resumes. */
    @Transactional
    public long connect(TenantId tenant, CrmId crm, CrmTokens tokens) {
        SecretCipher.Sealed sealed = cipher.seal(TokenCodec.encode(tokens), context(tenant, crm));
        jdbc.sql("""
                INSERT INTO crm_connections (tenant_id, crm_id, status, external_account_id, credentials_encrypted, key_id,
                       token_expires_at, last_error, broken_at, connected_at, updated_at)
                VALUES (?, ?, 'CONNECTED', ?, ?, ?, ?, NULL, NULL, ?, ?)
                ON DUPLICATE KEY UPDATE status = 'CONNECTED', external_account_id = VALUES(external_account_id),
                       credentials_encrypted = VALUES(credentials_encrypted), key_id = VALUES(key_id),
                       token_expires_at = VALUES(token_expires_at), last_error = NULL, broken_at = NULL,
                       connected_at = VALUES(connected_at), updated_at = VALUES(updated_at)""")
                .params(tenant.value(), crm.value(), tokens.externalAccountId(), sealed.bytes(), sealed.keyId(),
                        utc(tokens.expiresAt()), now(), now())
                .update();
        long id = find(tenant, crm).orElseThrow().id();
        events.publishEvent(new CrmConnected(tenant, crm, id));
        return id;
    }

    public Optional<StoredConnection> find(TenantId tenant, CrmId crm) {
        return jdbc.sql("SELECT * FROM crm_connections WHERE tenant_id = ? AND crm_id = ?")
                .params(tenant.value(), crm.value()).query(CrmConnections::connection).optional();
    }

    public List<StoredConnection> of(TenantId tenant) {
        return jdbc.sql("SELECT * FROM crm_connections WHERE tenant_id = ? ORDER BY crm_id").param(tenant.value())
                .query(CrmConnections::connection).list();
    }

    /** The tenant that installed {@code crm} for this account on the CRM's side, if any. */
    public Optional<StoredConnection> byExternalAccount(CrmId crm, String externalAccountId) {
        return jdbc.sql("SELECT * FROM crm_connections WHERE crm_id = ? AND external_account_id = ? ORDER BY id LIMIT 1")
                .params(crm.value(), externalAccountId).query(CrmConnections::connection).optional();
    }

    Optional<StoredConnection> byId(TenantId tenant, long id) {
        return jdbc.sql("SELECT * FROM crm_connections WHERE tenant_id = ? AND id = ?").params(tenant.value(), id)
                .query(CrmConnections::connection).optional();
    }

    Optional<CrmTokens> tokens(StoredConnection connection) {
        return jdbc.sql("SELECT credentials_encrypted, key_id FROM crm_connections WHERE tenant_id = ? AND id = ?")
                .params(connection.tenant().value(), connection.id())
                .query((rs, n) -> rs.getBytes(1) == null ? null
                        : new SecretCipher.Sealed(rs.getString(2), rs.getBytes(1)))
                .optional()
                .map(sealed -> TokenCodec.decode(cipher.open(sealed, context(connection.tenant(), connection.crm()))));
    }

    void storeRefreshed(StoredConnection connection, CrmTokens tokens) {
        SecretCipher.Sealed sealed = cipher.seal(TokenCodec.encode(tokens), context(connection.tenant(), connection.crm()));
        jdbc.sql("""
                UPDATE crm_connections SET credentials_encrypted = ?, key_id = ?, token_expires_at = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(sealed.bytes(), sealed.keyId(), utc(tokens.expiresAt()), now(), connection.tenant().value(),
                        connection.id())
                .update();
    }

    /** The credentials stopped working: the connection is broken until the tenant reconnects. */
    public void markBroken(StoredConnection connection, String reason) {
        int changed = jdbc.sql("""
                UPDATE crm_connections SET status = 'BROKEN', last_error = ?, broken_at = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ? AND status = 'CONNECTED'""")
                .params(reason, now(), now(), connection.tenant().value(), connection.id()).update();
        if (changed == 1) {
            events.publishEvent(new CrmConnectionBroken(connection.tenant(), connection.crm(), connection.id(), reason));
        }
    }

    /** The CRM refused our refresh token (the app was uninstalled): dead tokens are not kept. */
    void forgetCredentials(StoredConnection connection) {
        jdbc.sql("""
                UPDATE crm_connections SET credentials_encrypted = NULL, key_id = NULL, token_expires_at = NULL, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(now(), connection.tenant().value(), connection.id()).update();
    }

    /** Uninstall: the tokens are deleted, the row stays for the record (and for a reinstall to find). */
    public void disconnect(TenantId tenant, CrmId crm) {
        jdbc.sql("""
                UPDATE crm_connections SET status = 'DISCONNECTED', credentials_encrypted = NULL, key_id = NULL,
                       token_expires_at = NULL, last_error = 'the app was uninstalled in the CRM', broken_at = ?,
                       updated_at = ?
                WHERE tenant_id = ? AND crm_id = ?""")
                .params(now(), now(), tenant.value(), crm.value()).update();
    }

    /**
     * After a key rotation: re-seals with the current key every stored secret an older key sealed, a row at a
     * time. A row is replaced only while it still holds what was read, so a token refreshed meanwhile (already
     * sealed with the current key) is never overwritten; the old key keeps opening the rows not reached yet, so
     * nothing waits for this. A row whose key is no longer configured is left as it is (and named in the log).
     *
     * @return how many secrets were re-sealed
     */
    public int resealWithCurrentKey() {
        String current = cipher.currentKeyId();
        int resealed = 0;
        long after = 0;
        while (true) {
            var rows = jdbc.sql("""
                    SELECT id, tenant_id, crm_id, credentials_encrypted, key_id FROM crm_connections
                    WHERE id > ? AND credentials_encrypted IS NOT NULL AND key_id <> ? ORDER BY id LIMIT 100""")
                    .params(after, current).query().listOfRows();
            if (rows.isEmpty()) {
                return resealed;
            }
            for (var row : rows) {
                after = ((Number) row.get("id")).longValue();
                String keyId = (String) row.get("key_id");
                if (!cipher.knows(keyId)) {
                    log.warn("CRM connection {} is sealed with key {}, which is no longer configured", after, keyId);
                    continue;
                }
                byte[] old = (byte[]) row.get("credentials_encrypted");
                String context = context(new TenantId((String) row.get("tenant_id")), new CrmId((String) row.get("crm_id")));
                SecretCipher.Sealed sealed = cipher.seal(cipher.open(new SecretCipher.Sealed(keyId, old), context), context);
                resealed += jdbc.sql("""
                        UPDATE crm_connections SET credentials_encrypted = ?, key_id = ?
                        WHERE id = ? AND key_id = ? AND credentials_encrypted = ?""")
                        .params(sealed.bytes(), sealed.keyId(), after, keyId, old).update();
            }
        }
    }

    /** The tenant's preferences for this CRM (e.g. {@code job_target=task}); replaces all of them. */
    public void saveSettings(TenantId tenant, CrmId crm, Map<String, String> settings) {
        StringBuilder text = new StringBuilder();
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        jdbc.sql("UPDATE crm_connections SET settings = ?, updated_at = ? WHERE tenant_id = ? AND crm_id = ?")
                .params(text.toString(), now(), tenant.value(), crm.value()).update();
    }

    private static String context(TenantId tenant, CrmId crm) {
        return "crm_connections:" + tenant.value() + ":" + crm.value();
    }

    private static StoredConnection connection(ResultSet rs, int n) throws SQLException {
        return new StoredConnection(rs.getLong("id"), new TenantId(rs.getString("tenant_id")),
                new CrmId(rs.getString("crm_id")), ConnectionStatus.valueOf(rs.getString("status")),
                rs.getString("external_account_id"), rs.getString("last_error"), instant(rs, "broken_at"),
                settings(rs.getString("settings")),
                instant(rs, "token_expires_at"), instant(rs, "connected_at"));
    }

    private static Map<String, String> settings(@Nullable String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return Map.copyOf(out);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
