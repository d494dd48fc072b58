package io.redial.shared.notices;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tells a tenant's admin about something to fix; repeated notices of one kind and text are kept once. */
@Repository
public class AdminNotices {

    public record Notice(long id, String kind, String message, LocalDateTime createdAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void tell(TenantId tenant, String kind, String message) {
        String text = message.length() > 500 ? message.substring(0, 500) : message;
        boolean open = jdbc.sql("""
                SELECT 1 FROM admin_notices WHERE tenant_id = ? AND kind = ? AND message = ? AND resolved_at IS NULL""")
                .params(tenant.value(), kind, text).query().optionalValue().isPresent();
        if (!open) {
            jdbc.sql("INSERT INTO admin_notices (tenant_id, kind, message, created_at) VALUES (?, ?, ?, ?)")
                    .params(tenant.value(), kind, text, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        }
    }

    public List<Notice> open(TenantId tenant) {
        return jdbc.sql("SELECT id, kind, message, created_at FROM admin_notices WHERE tenant_id = ? AND resolved_at IS NULL ORDER BY id DESC")
                .param(tenant.value())
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class)))
                .list();
    }
}
