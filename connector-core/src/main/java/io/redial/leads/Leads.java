package io.redial.leads;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Leads, always scoped by tenant. Changes publish their event in the caller's transaction. */
@Repository
public class Leads {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Leads(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Creates a lead for a call and announces it. */
    public long capture(TenantId tenant, long callerId, @Nullable Long callId, @Nullable String suppressionReason) {
        return capture(tenant, callerId, callId, suppressionReason, null);
    }

    /** {@link #capture(TenantId, long, Long, String)}, already attached to its conversation. */
    public long capture(TenantId tenant, long callerId, @Nullable Long callId, @Nullable String suppressionReason,
            @Nullable Long conversationId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO leads (tenant_id, caller_id, call_id, conversation_id, status, suppression_reason, created_at,
                                   updated_at)
                VALUES (?, ?, ?, ?, 'NEW', ?, ?, ?)""")
                .params(tenant.value(), callerId, callId, conversationId, suppressionReason, now(), now()).update(keys);
        long id = keys.getKey().longValue();
        events.publishEvent(new LeadCaptured(tenant, id));
        return id;
    }

    public Optional<Lead> find(TenantId tenant, long leadId) {
        return jdbc.sql(SELECT + " WHERE l.tenant_id = ? AND l.id = ?").params(tenant.value(), leadId)
                .query(Leads::lead).optional();
    }

    /** The caller's most recent lead that is not closed, if any. */
    public Optional<Lead> openFor(TenantId tenant, long callerId) {
        return jdbc.sql(SELECT + " WHERE l.tenant_id = ? AND l.caller_id = ? AND l.status <> 'CLOSED' ORDER BY l.id DESC LIMIT 1")
                .params(tenant.value(), callerId).query(Leads::lead).optional();
    }

    public void attachConversation(TenantId tenant, long leadId, long conversationId) {
        jdbc.sql("UPDATE leads SET conversation_id = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(conversationId, now(), tenant.value(), leadId).update();
    }

    /** Merges what is newly known (never erasing a known value) and announces the change. */
    public void updateDetails(TenantId tenant, long leadId, LeadDetails learned) {
        Lead lead = find(tenant, leadId).orElseThrow(() -> new IllegalArgumentException("no lead " + leadId));
        LeadDetails d = lead.details().mergedWith(learned);
        if (d.equals(lead.details())) {
            return;
        }
        jdbc.sql("""
                UPDATE leads SET caller_name = ?, service_address = ?, in_service_area = ?, problem = ?, trade = ?,
                       urgency = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(d.callerName(), d.serviceAddress(), d.inServiceArea(), d.problem(), d.trade(),
                        d.urgency() == null ? null : d.urgency().name(), now(), tenant.value(), leadId)
                .update();
        events.publishEvent(new LeadDetailsChanged(tenant, leadId));
    }

    /** Sets the details exactly as given (a person's correction may clear a value) and announces the change. */
    void replaceDetails(TenantId tenant, long leadId, LeadDetails d) {
        jdbc.sql("""
                UPDATE leads SET caller_name = ?, service_address = ?, in_service_area = ?, problem = ?, trade = ?,
                       urgency = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(d.callerName(), d.serviceAddress(), d.inServiceArea(), d.problem(), d.trade(),
                        d.urgency() == null ? null : d.urgency().name(), now(), tenant.value(), leadId)
                .update();
        events.publishEvent(new LeadDetailsChanged(tenant, leadId));
    }

    /**
     * Marks the lead "not reached by text" with the carrier's reason and announces it, once: a second report
     * for the same lead (a duplicate callback, a later text) changes nothing.
     *
     * @return true when this call marked it
     */
    public boolean markNotReachedByText(TenantId tenant, long leadId, String reason) {
        int marked = jdbc.sql("""
                UPDATE leads SET not_reached_reason = ?, not_reached_at = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ? AND not_reached_reason IS NULL""")
                .params(reason, now(), now(), tenant.value(), leadId).update();
        if (marked == 1) {
            events.publishEvent(new LeadNotReachedByText(tenant, leadId, reason));
        }
        return marked == 1;
    }

    /** Why the lead's text-back did not reach the caller, when it did not. */
    public Optional<String> notReachedReason(TenantId tenant, long leadId) {
        return jdbc.sql("SELECT not_reached_reason FROM leads WHERE tenant_id = ? AND id = ?")
                .params(tenant.value(), leadId).query((rs, n) -> Optional.ofNullable(rs.getString(1)))
                .optional().flatMap(o -> o);
    }

    public void markExistingCustomer(TenantId tenant, long leadId) {
        jdbc.sql("UPDATE leads SET existing_customer = TRUE, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(now(), tenant.value(), leadId).update();
    }

    public void setStatus(TenantId tenant, long leadId, LeadStatus status) {
        jdbc.sql("UPDATE leads SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(status.name(), now(), tenant.value(), leadId).update();
    }

    private static final String SELECT = """
            SELECT l.*, c.phone AS caller_phone FROM leads l JOIN callers c ON c.id = l.caller_id AND c.tenant_id = l.tenant_id""";

    private static Lead lead(ResultSet rs, int n) throws SQLException {
        String urgency = rs.getString("urgency");
        Object inArea = rs.getObject("in_service_area");
        return new Lead(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), rs.getLong("caller_id"),
                new PhoneNumber(rs.getString("caller_phone")), (Long) rs.getObject("call_id", Long.class),
                rs.getObject("conversation_id", Long.class), LeadStatus.valueOf(rs.getString("status")),
                new LeadDetails(rs.getString("caller_name"), rs.getString("service_address"),
                        inArea == null ? null : rs.getBoolean("in_service_area"), rs.getString("problem"),
                        rs.getString("trade"), urgency == null ? null : Urgency.valueOf(urgency)),
                rs.getBoolean("existing_customer"), rs.getString("suppression_reason"),
                rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rs.getObject("updated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
