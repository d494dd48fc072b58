package io.redial.lines;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The staff phone texted at once when a text-back does not reach its caller (the console notice goes regardless). */
@Service
public class UnreachedAlerts {

    private final JdbcClient jdbc;

    UnreachedAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PhoneNumber> phone(TenantId tenant) {
        return jdbc.sql("SELECT unreached_alert_phone FROM tenants WHERE id = ?").param(tenant.value())
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(PhoneNumber::new)).optional().flatMap(p -> p);
    }

    /** {@code phone} null: nobody is texted, the console notice alone tells staff. */
    public void use(TenantId tenant, @Nullable PhoneNumber phone) {
        jdbc.sql("UPDATE tenants SET unreached_alert_phone = ? WHERE id = ?")
                .params(phone == null ? null : phone.e164(), tenant.value()).update();
    }
}
