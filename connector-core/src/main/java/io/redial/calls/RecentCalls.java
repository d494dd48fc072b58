package io.redial.calls;

import io.redial.shared.DeliveryWords;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The console's view of a tenant's latest calls, each with the state of its text-back. */
@Service
public class RecentCalls {

    private final JdbcClient jdbc;

    RecentCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CallSummary> of(TenantId tenant, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.received_at, c.from_number, c.to_number, c.outcome, c.outcome_reason, c.lead_id,
                       c.conversation_id, COALESCE(l.caller_name, k.display_name) AS caller_name,
                       m.send_state, m.carrier_status
                FROM calls c
                LEFT JOIN leads l ON l.id = c.lead_id AND l.tenant_id = c.tenant_id
                LEFT JOIN callers k ON k.id = c.caller_id AND k.tenant_id = c.tenant_id
                LEFT JOIN messages m ON m.id = (SELECT MIN(f.id) FROM messages f WHERE f.call_id = c.id AND f.tenant_id = c.tenant_id)
                WHERE c.tenant_id = ? ORDER BY c.received_at DESC, c.id DESC LIMIT ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new CallSummary(rs.getLong("id"),
                        rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        new PhoneNumber(rs.getString("from_number")), rs.getString("caller_name"),
                        new PhoneNumber(rs.getString("to_number")),
                        rs.getString("outcome") == null ? null : CallOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("outcome_reason"), DeliveryWords.of(rs.getString("send_state"), rs.getString("carrier_status")),
                        rs.getObject("lead_id", Long.class), rs.getObject("conversation_id", Long.class)))
                .list();
    }
}
