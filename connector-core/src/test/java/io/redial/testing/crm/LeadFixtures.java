package io.redial.testing.crm;

import io.redial.leads.Leads;
import io.redial.shared.TenantId;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leads as the call flow leaves them, written straight to the real database: a missed call from a caller on the
 * tenant's one line, and a texted conversation attached to the lead. For tests and benchmarks that drive the sync
 * engine without the telephony in front of it.
 */
public final class LeadFixtures {

    private final JdbcClient jdbc;
    private final Leads leads;
    private final TransactionTemplate tx;
    private final TenantId tenant;

    /** For {@code tenant}, provisioned with one line. */
    public LeadFixtures(JdbcClient jdbc, Leads leads, TransactionTemplate tx, TenantId tenant) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.tx = tx;
        this.tenant = tenant;
    }

    /** Missed calls from {@code phones} (a number may come again: the same caller), captured in one transaction. */
    public java.util.List<Long> captureLeads(java.util.List<String> phones) {
        return tx.execute(s -> phones.stream().map(this::captureLeadWithCall).toList());
    }

    /** A missed call from {@code phone} captured as a lead (which queues its CRM work); the lead's id. */
    public long captureLeadWithCall(String phone) {
        return tx.execute(s -> {
            long lineId = lineId();
            String line = lineNumber();
            long caller = jdbc.sql("SELECT id FROM callers WHERE tenant_id = ? AND phone = ?").params(tenant.value(), phone)
                    .query(Long.class).optional()
                    .orElseGet(() -> insert("INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)",
                            tenant.value(), phone, now()));
            long call = insert("""
                    INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, outcome, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'MISSED', ?)""",
                    tenant.value(), lineId, caller, "CA" + phone.substring(1) + System.nanoTime(), phone, line, now());
            return leads.capture(tenant, caller, call, null);
        });
    }

    /** Our text-back and the caller's "My furnace is out", attached to {@code lead}; the conversation's id. */
    public long conversationWithTexts(long lead, String phone) {
        return tx.execute(s -> {
            long caller = jdbc.sql("SELECT id FROM callers WHERE tenant_id = ? AND phone = ?").params(tenant.value(), phone)
                    .query(Long.class).single();
            long conversation = insert("""
                    INSERT INTO conversations (tenant_id, caller_id, line_id, state, opened_at, last_activity_at)
                    VALUES (?, ?, ?, 'OPEN', ?, ?)""", tenant.value(), caller, lineId(), now(), now());
            String line = lineNumber();
            text(conversation, "out", "textback", "Sorry we missed you! How can we help?", line, phone);
            text(conversation, "in", "reply", "My furnace is out", phone, line);
            leads.attachConversation(tenant, lead, conversation);
            return conversation;
        });
    }

    private long lineId() {
        return jdbc.sql("SELECT id FROM phone_lines WHERE tenant_id = ?").param(tenant.value()).query(Long.class).single();
    }

    private String lineNumber() {
        return jdbc.sql("SELECT number FROM phone_lines WHERE tenant_id = ?").param(tenant.value()).query(String.class).single();
    }

    private void text(long conversation, String direction, String purpose, String body, String from, String to) {
        insert("""
                INSERT INTO messages (tenant_id, conversation_id, direction, purpose, from_number, to_number, body, send_state,
                       created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?)""",
                tenant.value(), conversation, direction, purpose, from, to, body, now(), now());
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
