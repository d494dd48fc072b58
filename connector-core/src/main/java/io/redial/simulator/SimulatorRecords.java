package io.redial.simulator;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the simulated caller sees: the texts to and from their number, and the lead made of them. */
@Component
class SimulatorRecords {

    private final JdbcClient jdbc;

    SimulatorRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PhoneText> thread(TenantId tenant, PhoneNumber caller) {
        return jdbc.sql("""
                SELECT id, created_at, direction, body, send_state, carrier_status FROM messages
                WHERE tenant_id = ? AND ((direction = 'in' AND from_number = ?) OR (direction = 'out' AND to_number = ?))
                ORDER BY created_at, id""")
                .params(tenant.value(), caller.e164(), caller.e164())
                .query((rs, n) -> new PhoneText(rs.getLong("id"),
                        rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        "in".equals(rs.getString("direction")), rs.getString("body"),
                        state(rs.getString("send_state"), rs.getString("carrier_status"))))
                .list();
    }

    Optional<LeadSeen> lead(TenantId tenant, PhoneNumber caller) {
        return jdbc.sql("""
                SELECT l.id, l.status, k.outcome, COALESCE(l.suppression_reason, k.outcome_reason) AS reason
                FROM leads l JOIN callers c ON c.id = l.caller_id AND c.tenant_id = l.tenant_id
                LEFT JOIN calls k ON k.id = l.call_id AND k.tenant_id = l.tenant_id
                WHERE l.tenant_id = ? AND c.phone = ? ORDER BY l.id DESC LIMIT 1""")
                .params(tenant.value(), caller.e164())
                .query((rs, n) -> new LeadSeen(rs.getLong("id"), rs.getString("status"), rs.getString("outcome"),
                        rs.getString("reason")))
                .optional();
    }

    /** Has this number called or texted the tenant before? */
    boolean known(TenantId tenant, PhoneNumber number) {
        return jdbc.sql("SELECT 1 FROM callers WHERE tenant_id = ? AND phone = ?").params(tenant.value(), number.e164())
                .query().optionalValue().isPresent();
    }

    private static String state(String sendState, String carrierStatus) {
        return carrierStatus != null ? carrierStatus.toLowerCase() : sendState.toLowerCase();
    }
}
