package io.redial.tenants;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Console users. Passwords arrive here already hashed: core never sees one in clear, except the sandbox's. */
@Repository
public class AdminUsers {

    private final JdbcClient jdbc;
    private final Clock clock;

    AdminUsers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<AdminUser> byUsername(String username) {
        return jdbc.sql("SELECT id, tenant_id, username, password_hash, role FROM admin_users WHERE username = ?")
                .param(username.trim())
                .query((rs, n) -> new AdminUser(rs.getLong("id"),
                        rs.getString("tenant_id") == null ? null : new TenantId(rs.getString("tenant_id")),
                        rs.getString("username"), rs.getString("password_hash"), AdminRole.of(rs.getString("role"))))
                .optional();
    }

    public long create(@Nullable TenantId tenant, String username, String passwordHash, AdminRole role) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO admin_users (tenant_id, username, password_hash, role, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(tenant == null ? null : tenant.value(), username.trim(), passwordHash, role.stored(),
                        LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update(keys);
        return keys.getKey().longValue();
    }

    /** Sandbox only: remembers the demo admin's generated password so the login page can show it. */
    public void rememberSandboxPassword(String username, String password) {
        jdbc.sql("UPDATE admin_users SET sandbox_password = ? WHERE username = ?").params(password, username).update();
    }

    public Optional<String> sandboxPassword(String username) {
        return jdbc.sql("SELECT sandbox_password FROM admin_users WHERE username = ? AND sandbox_password IS NOT NULL")
                .param(username).query(String.class).optional();
    }
}
