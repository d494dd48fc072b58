package io.redial.crm.install;

import io.redial.crm.CrmId;
import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.crm.sync.StoredConnection;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finishes an install: the CRM account that consented is linked to the tenant that installed it before,
 * or becomes a new tenant the console then onboards. Reinstalling renews the tokens.
 */
@Service
public class CrmInstall {

    private final CrmConnections connections;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String defaultTimezone;

    CrmInstall(CrmConnections connections, JdbcClient jdbc, Clock clock,
            @Value("${redial.crm.install.default-timezone:America/Chicago}") String defaultTimezone) {
        this.connections = connections;
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaultTimezone = defaultTimezone;
    }

    @Transactional
    public TenantId complete(CrmId crm, CrmTokens tokens) {
        String account = tokens.externalAccountId();
        if (account == null || account.isBlank()) {
            throw new IllegalStateException("the CRM did not say which account installed the app");
        }
        TenantId tenant = connections.byExternalAccount(crm, account).map(StoredConnection::tenant)
                .orElseGet(() -> newTenant(crm, account));
        connections.connect(tenant, crm, tokens);
        return tenant;
    }

    private TenantId newTenant(CrmId crm, String account) {
        TenantId tenant = new TenantId((crm.value() + "-" + account.toLowerCase(Locale.ROOT)).replaceAll("[^a-z0-9-]", "-"));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO tenants (id, name, timezone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE updated_at = updated_at""")
                .params(tenant.value(), "New " + crm.value() + " account " + account, defaultTimezone, now, now).update();
        return tenant;
    }
}
