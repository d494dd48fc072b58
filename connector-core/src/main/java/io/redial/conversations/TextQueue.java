package io.redial.conversations;

import io.redial.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How many of a tenant's texts are waiting for the carrier (paced, retrying, or about to go). */
@Service
public class TextQueue {

    public record Depth(long firstContacts, long others) {
        public long total() {
            return firstContacts + others;
        }
    }

    private final JdbcClient jdbc;

    TextQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Depth depth(TenantId tenant) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(purpose = 'textback'), 0), COALESCE(SUM(purpose <> 'textback'), 0) FROM messages
                WHERE tenant_id = ? AND direction = 'out' AND send_state IN ('PENDING', 'SENDING')""")
                .param(tenant.value()).query((rs, n) -> new Depth(rs.getLong(1), rs.getLong(2))).single();
    }
}
