package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** People who called or texted a tenant, one row per tenant and number. */
@Repository
public class Callers {

    private final JdbcClient jdbc;
    private final Clock clock;

    Callers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Finds or creates the caller in one statement: safe when two calls or texts from one number race. */
    public long idOf(TenantId tenant, PhoneNumber phone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""")
                .params(tenant.value(), phone.e164(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys);
        return keys.getKey().longValue();
    }

    public boolean optedOut(TenantId tenant, long callerId) {
        return jdbc.sql("SELECT opted_out_at IS NOT NULL FROM callers WHERE tenant_id = ? AND id = ?")
                .params(tenant.value(), callerId).query(Boolean.class).single();
    }

    /** @return true when this changed the caller's state */
    public boolean optOut(TenantId tenant, long callerId) {
        return jdbc.sql("UPDATE callers SET opted_out_at = ? WHERE tenant_id = ? AND id = ? AND opted_out_at IS NULL")
                .params(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), tenant.value(), callerId).update() == 1;
    }

    /** @return true when this changed the caller's state */
    public boolean optIn(TenantId tenant, long callerId) {
        return jdbc.sql("UPDATE callers SET opted_out_at = NULL WHERE tenant_id = ? AND id = ? AND opted_out_at IS NOT NULL")
                .params(tenant.value(), callerId).update() == 1;
    }
}
