package io.redial.calls;

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
                SELECT c.id, c.received_at, c.from_number, c.to_number, c.outcome, c.outcome_reason,
                       (SELECT m.send_state FROM messages m WHERE m.call_id = c.id AND m.tenant_id = c.tenant_id
                        ORDER BY m.id LIMIT 1) AS text_state
                FROM calls c WHERE c.tenant_id = ? ORDER BY c.received_at DESC, c.id DESC LIMIT ?""")
                .params(tenant.value(), limit)
                .query((rs, n) -> new CallSummary(rs.getLong("id"),
                        rs.getObject("received_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                        new PhoneNumber(rs.getString("from_number")), new PhoneNumber(rs.getString("to_number")),
                        rs.getString("outcome") == null ? null : CallOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("outcome_reason"), rs.getString("text_state")))
                .list();
    }
}
