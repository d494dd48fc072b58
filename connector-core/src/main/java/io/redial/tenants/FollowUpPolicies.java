package io.redial.tenants;

import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each tenant's follow-up policy; read on every first-contact text, so cached briefly. */
@Repository
public class FollowUpPolicies {

    private final JdbcClient jdbc;
    private final TtlCache<TenantId, FollowUpPolicy> cache;

    FollowUpPolicies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.cache = new TtlCache<>(Duration.ofSeconds(10), clock);
    }

    public FollowUpPolicy of(TenantId tenant) {
        return cache.get(tenant, t -> jdbc.sql("""
                        SELECT follow_up_after_minutes, quiet_hours_start, quiet_hours_end FROM tenants WHERE id = ?""")
                .param(t.value())
                .query((rs, n) -> new FollowUpPolicy(Duration.ofMinutes(rs.getInt(1)), rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class)))
                .optional().orElse(FollowUpPolicy.OFF));
    }

    public void save(TenantId tenant, FollowUpPolicy policy) {
        jdbc.sql("""
                UPDATE tenants SET follow_up_after_minutes = ?, quiet_hours_start = ?, quiet_hours_end = ? WHERE id = ?""")
                .params((int) policy.after().toMinutes(), policy.quietStart(), policy.quietEnd(), tenant.value()).update();
        cache.clear();
    }
}
