package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The outbound rows of {@code messages}: one row per text we mean to send, keyed by purpose so the same
 * purpose (say, the text-back for one CallSid) can never produce a second text.
 */
@Repository
public class SendLedger {

    private final JdbcClient jdbc;
    private final Clock clock;

    SendLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the new row's id, or empty when a text with this dedupe key already exists */
    public Optional<Long> add(TenantId tenant, @Nullable Long conversationId, @Nullable Long callId, String purpose,
            String dedupeKey, PhoneNumber from, PhoneNumber to, String body) {
        return add(tenant, conversationId, callId, purpose, dedupeKey, from, to, body, null, null);
    }

    /**
     * {@link #add}, with the pace slot the text already reserved ({@code sendAfterMs}), if it did; with
     * {@code sendingUntilMs}, the row is written with its first attempt claimed until then (as {@link #claim}
     * would), for a run that sends it right after its transaction commits.
     */
    Optional<Long> add(TenantId tenant, @Nullable Long conversationId, @Nullable Long callId, String purpose,
            String dedupeKey, PhoneNumber from, PhoneNumber to, String body, @Nullable Long sendAfterMs,
            @Nullable Long sendingUntilMs) {
        var keys = new GeneratedKeyHolder();
        boolean claimed = sendingUntilMs != null;
        try {
            jdbc.sql("""
                    INSERT INTO messages (tenant_id, conversation_id, call_id, direction, purpose, dedupe_key,
                                          from_number, to_number, body, send_state, attempts, send_after_ms,
                                          sending_until_ms, created_at, updated_at)
                    VALUES (?, ?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(tenant.value(), conversationId, callId, purpose, dedupeKey, from.e164(), to.e164(), body,
                            (claimed ? SendState.SENDING : SendState.PENDING).name(), claimed ? 1 : 0, sendAfterMs,
                            sendingUntilMs, now(), now())
                    .update(keys);
        } catch (DuplicateKeyException alreadyThere) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    public Optional<LedgerEntry> find(long id) {
        return jdbc.sql("""
                SELECT id, tenant_id, from_number, to_number, body, send_state, carrier_sid, attempts, created_at
                FROM messages WHERE id = ? AND direction = 'out'""").param(id)
                .query((rs, n) -> entry(rs))
                .optional();
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), new TenantId(rs.getString("tenant_id")),
                new PhoneNumber(rs.getString("from_number")), new PhoneNumber(rs.getString("to_number")),
                rs.getString("body"), SendState.valueOf(rs.getString("send_state")), rs.getString("carrier_sid"),
                rs.getInt("attempts"), rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    /** One row ready to send, with what the sender checks first: its purpose, pace slot and the caller's opt-out. */
    record Unsent(LedgerEntry entry, String purpose, @Nullable Long sendAfterMs, @Nullable Long sendingUntilMs,
            boolean callerOptedOut) {
    }

    /** The row and its sending context in one read (a send runs for every text, so each round trip counts). */
    Optional<Unsent> findToSend(long id) {
        return jdbc.sql("""
                SELECT m.id, m.tenant_id, m.from_number, m.to_number, m.body, m.send_state, m.carrier_sid, m.attempts,
                       m.created_at, m.purpose, m.send_after_ms, m.sending_until_ms,
                       c.opted_out_at IS NOT NULL AS opted_out
                FROM messages m LEFT JOIN callers c ON c.tenant_id = m.tenant_id AND c.phone = m.to_number
                WHERE m.id = ? AND m.direction = 'out'""").param(id)
                .query((rs, n) -> new Unsent(entry(rs), rs.getString("purpose"), rs.getObject("send_after_ms", Long.class),
                        rs.getObject("sending_until_ms", Long.class), rs.getBoolean("opted_out")))
                .optional();
    }

    /** Unsent rows a call's text-back decision queued (for a text-back task that stopped before sending). */
    List<Long> unsentForCall(long callId) {
        return jdbc.sql("""
                SELECT id FROM messages WHERE call_id = ? AND direction = 'out' AND send_state IN ('PENDING', 'SENDING')
                ORDER BY id""").param(callId).query(Long.class).list();
    }

    /** Marks the point of no return: from here on, the carrier may have the text. */
    public void markSending(long id) {
        jdbc.sql("UPDATE messages SET send_state = 'SENDING', attempts = attempts + 1, updated_at = ? WHERE id = ?")
                .params(now(), id).update();
    }

    /**
     * {@link #markSending(long)} for the run that read the row with {@code attemptsSeen}, keeping the pace slot
     * it goes in and leasing the attempt until {@code sendingUntilMs}. Two runs of one text (a task revived
     * while its first run still lives) can both get here; only one claims the attempt, so only one sends.
     *
     * @return false when another run claimed this attempt first
     */
    boolean claim(long id, int attemptsSeen, long sendAfterMs, long sendingUntilMs) {
        return jdbc.sql("""
                UPDATE messages SET send_state = 'SENDING', attempts = attempts + 1, send_after_ms = ?,
                                    sending_until_ms = ?, updated_at = ?
                WHERE id = ? AND attempts = ? AND send_state IN ('PENDING', 'SENDING')""")
                .params(sendAfterMs, sendingUntilMs, now(), id, attemptsSeen).update() == 1;
    }

    /** The attempt ended without a text sent (a carrier hiccup): the next run need not wait out the lease. */
    void endLease(long id) {
        jdbc.sql("UPDATE messages SET sending_until_ms = NULL WHERE id = ?").param(id).update();
    }

    /** Keeps a reserved pace slot, so a rescheduled run goes in the slot it got. */
    void reserveSlot(long id, long sendAfterMs) {
        jdbc.sql("UPDATE messages SET send_after_ms = ? WHERE id = ?").params(sendAfterMs, id).update();
    }

    public void markSent(long id, String carrierSid, String carrierStatus) {
        jdbc.sql("""
                UPDATE messages SET send_state = 'SENT', carrier_sid = ?, carrier_status = ?, sent_at = ?, updated_at = ?
                WHERE id = ?""").params(carrierSid, carrierStatus, now(), now(), id).update();
    }

    public void markFailed(long id, @Nullable String errorCode) {
        jdbc.sql("UPDATE messages SET send_state = 'FAILED', error_code = ?, updated_at = ? WHERE id = ?")
                .params(errorCode, now(), id).update();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
