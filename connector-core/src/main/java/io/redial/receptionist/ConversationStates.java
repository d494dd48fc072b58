package io.redial.receptionist;

import io.redial.receptionist.reading.Language;

import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Anna's per-conversation state, its turn lease, and the inbox of turns still to run. */
@Repository
public class ConversationStates {

    /** Longer than the LLM timeout plus our own work; a crashed node's lease simply runs out. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record PendingTurn(long messageId, String body) {
    }

    /** Makes sure the conversation has a state row (and so a lease to take). */
    public void enqueueState(TenantId tenant, long conversationId) {
        jdbc.sql("""
                INSERT INTO receptionist_state (conversation_id, tenant_id, updated_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE conversation_id = conversation_id""")
                .params(conversationId, tenant.value(), now()).update();
    }

    /** Puts a caller's text in the inbox; the same message twice is one turn. */
    public void enqueue(TenantId tenant, long conversationId, long messageId) {
        enqueueState(tenant, conversationId);
        jdbc.sql("""
                INSERT INTO receptionist_turns (tenant_id, conversation_id, message_id, created_at) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE message_id = message_id""")
                .params(tenant.value(), conversationId, messageId, now()).update();
    }

    /** An atomic conditional update: exactly one holder at a time, across any number of nodes. */
    public boolean tryLease(TenantId tenant, long conversationId, String owner) {
        return tryLease(tenant, conversationId, owner, clock.instant().plus(LEASE));
    }

    /** Takes (or, for its holder, extends) the lease until {@code until}. */
    public boolean tryLease(TenantId tenant, long conversationId, String owner, Instant until) {
        return jdbc.sql("""
                UPDATE receptionist_state SET lease_owner = ?, lease_until = ?
                WHERE tenant_id = ? AND conversation_id = ? AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)""")
                .params(owner, utc(until), tenant.value(), conversationId, now(), owner).update() == 1;
    }

    /** When the current holder's lease runs out (now, when nobody holds it). */
    public Instant leaseUntil(TenantId tenant, long conversationId) {
        return jdbc.sql("SELECT lease_until FROM receptionist_state WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant.value(), conversationId).query(LocalDateTime.class).optional()
                .map(t -> t.toInstant(ZoneOffset.UTC)).orElse(clock.instant());
    }

    public void release(TenantId tenant, long conversationId, String owner) {
        jdbc.sql("UPDATE receptionist_state SET lease_owner = NULL, lease_until = NULL WHERE tenant_id = ? AND conversation_id = ? AND lease_owner = ?")
                .params(tenant.value(), conversationId, owner).update();
    }

    /** When the conversation may take its next turn; null: now. */
    public @Nullable Instant nextTurnAt(TenantId tenant, long conversationId) {
        return jdbc.sql("SELECT next_turn_at FROM receptionist_state WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant.value(), conversationId).query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional().map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null);
    }

    public void paceNextTurn(TenantId tenant, long conversationId, Instant at) {
        jdbc.sql("UPDATE receptionist_state SET next_turn_at = ? WHERE tenant_id = ? AND conversation_id = ?")
                .params(utc(at), tenant.value(), conversationId).update();
    }

    /** How many texts the caller sent in this conversation since {@code since}. */
    public long textsSince(TenantId tenant, long conversationId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM receptionist_turns WHERE tenant_id = ? AND conversation_id = ? AND created_at >= ?")
                .params(tenant.value(), conversationId, utc(since)).query(Long.class).single();
    }

    public boolean hasPending(TenantId tenant, long conversationId) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM receptionist_turns WHERE tenant_id = ? AND conversation_id = ? AND processed_at IS NULL)""")
                .params(tenant.value(), conversationId).query(Boolean.class).single();
    }

    /** Every caller text of the conversation whose turn has not run, oldest first. */
    public List<PendingTurn> pending(TenantId tenant, long conversationId) {
        return jdbc.sql("""
                SELECT m.id, m.body FROM receptionist_turns t JOIN messages m ON m.id = t.message_id AND m.tenant_id = t.tenant_id
                WHERE t.tenant_id = ? AND t.conversation_id = ? AND t.processed_at IS NULL ORDER BY m.id""")
                .params(tenant.value(), conversationId)
                .query((rs, n) -> new PendingTurn(rs.getLong(1), rs.getString(2))).list();
    }

    /** @return false when the turn had already been marked (a second run must not act again) */
    public boolean markProcessed(TenantId tenant, long messageId, String agent, String action, long ourMicros, long modelMicros) {
        return jdbc.sql("""
                UPDATE receptionist_turns SET agent = ?, action = ?, our_micros = ?, model_micros = ?, processed_at = ?
                WHERE tenant_id = ? AND message_id = ? AND processed_at IS NULL""")
                .params(agent, action, ourMicros, modelMicros, now(), tenant.value(), messageId).update() == 1;
    }

    /** Texts answered within a later text's turn: processed, with no answer of their own. */
    public void markCoalesced(TenantId tenant, List<Long> messageIds) {
        if (messageIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                UPDATE receptionist_turns SET agent = 'none', action = 'COALESCED', our_micros = 0, model_micros = 0, processed_at = :now
                WHERE tenant_id = :tenant AND message_id IN (:ids) AND processed_at IS NULL""")
                .param("now", now()).param("tenant", tenant.value()).param("ids", messageIds).update();
    }

    public ConversationState find(TenantId tenant, long conversationId) {
        return jdbc.sql("SELECT * FROM receptionist_state WHERE tenant_id = ? AND conversation_id = ?")
                .params(tenant.value(), conversationId)
                .query((rs, n) -> new ConversationState(conversationId, rs.getObject("lead_id", Long.class),
                        Language.of(rs.getString("language")), rs.getInt("turns"), rs.getBoolean("disclosed"),
                        Stage.valueOf(rs.getString("stage")), ids(rs.getString("offered_slots")),
                        rs.getString("triage_rule"), rs.getString("handback_note"), rs.getString("time_preference")))
                .optional()
                .orElse(new ConversationState(conversationId, null, Language.EN, 0, false, Stage.OPEN, List.of(), null, null));
    }

    public void save(TenantId tenant, ConversationState s) {
        jdbc.sql("""
                UPDATE receptionist_state SET lead_id = ?, language = ?, turns = ?, disclosed = ?, stage = ?, offered_slots = ?,
                       triage_rule = ?, handback_note = ?, time_preference = ?, updated_at = ?
                WHERE tenant_id = ? AND conversation_id = ?""")
                .params(s.leadId(), s.language().code(), s.turns(), s.disclosed(), s.stage().name(),
                        String.join(",", s.offered()), s.triageRule(), s.handbackNote(), s.timePreference(), now(), tenant.value(),
                        s.conversationId())
                .update();
    }

    private static List<String> ids(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
