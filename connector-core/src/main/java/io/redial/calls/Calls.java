package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.CallPattern;
import io.redial.tenants.PhoneLine;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The calls table: one row per CallSid, facts merged in as callbacks arrive, decided exactly once. */
@Repository
class Calls {

    record Stored(long id, String callSid, @Nullable String stirVerstat, long callerId, PhoneNumber caller,
            @Nullable CallOutcome outcome, int ringIndex, CallFacts facts) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Calls(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The call's row, created on the first callback that mentions it (whichever that is). */
    long upsert(PhoneLine line, long callerId, String callSid, PhoneNumber from, PhoneNumber to,
            @Nullable PhoneNumber forwardedFrom, @Nullable String stirVerstat) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, pattern,
                                   forwarded_from, stir_verstat, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
                    forwarded_from = COALESCE(forwarded_from, VALUES(forwarded_from)),
                    stir_verstat = COALESCE(stir_verstat, VALUES(stir_verstat))""")
                .params(line.tenantId().value(), line.id(), callerId, callSid, from.e164(), to.e164(),
                        line.pattern().key(), forwardedFrom == null ? null : forwardedFrom.e164(), stirVerstat, now())
                .update(keys);
        return keys.getKey().longValue();
    }

    /** {@link #upsert} and {@link #recordDial} in one statement, for the dial-status webhook. */
    long upsertWithDial(PhoneLine line, long callerId, String callSid, PhoneNumber from, PhoneNumber to,
            @Nullable PhoneNumber forwardedFrom, @Nullable String stirVerstat, String dialStatus, int dialSeconds,
            @Nullable String answeredBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, pattern,
                                   forwarded_from, stir_verstat, received_at, dial_status, dial_seconds, answered_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id),
                    forwarded_from = COALESCE(forwarded_from, VALUES(forwarded_from)),
                    stir_verstat = COALESCE(stir_verstat, VALUES(stir_verstat)),
                    dial_status = VALUES(dial_status), dial_seconds = VALUES(dial_seconds),
                    answered_by = COALESCE(VALUES(answered_by), answered_by)""")
                .params(line.tenantId().value(), line.id(), callerId, callSid, from.e164(), to.e164(),
                        line.pattern().key(), forwardedFrom == null ? null : forwardedFrom.e164(), stirVerstat, now(),
                        dialStatus, dialSeconds, answeredBy)
                .update(keys);
        // An update that changed the row counts two rows, and the driver then reports two keys: the first is the id.
        return ((Number) keys.getKeyList().getFirst().values().iterator().next()).longValue();
    }

    void recordDial(long callId, String dialStatus, int dialSeconds, @Nullable String answeredBy) {
        jdbc.sql("UPDATE calls SET dial_status = ?, dial_seconds = ?, answered_by = COALESCE(?, answered_by) WHERE id = ?")
                .params(dialStatus, dialSeconds, answeredBy, callId).update();
    }

    void recordParentStatus(long callId, String status, @Nullable Integer callSeconds) {
        jdbc.sql("UPDATE calls SET carrier_status = ?, call_seconds = COALESCE(?, call_seconds) WHERE id = ?")
                .params(status, callSeconds, callId).update();
    }

    void recordScreenAccepted(String parentCallSid) {
        jdbc.sql("UPDATE calls SET screen_accepted = TRUE WHERE call_sid = ?").param(parentCallSid).update();
    }

    void advanceRing(long callId, int ringIndex) {
        jdbc.sql("UPDATE calls SET ring_index = ?, dial_status = NULL WHERE id = ?").params(ringIndex, callId).update();
    }

    /** Locks the row for the rest of the transaction, so concurrent callbacks for one call decide in turn. */
    Optional<Stored> lock(long callId, boolean screening, boolean callerIsStaff) {
        return jdbc.sql("""
                SELECT c.*, r.phone AS caller_phone FROM calls c JOIN callers r ON r.id = c.caller_id
                WHERE c.id = ? FOR UPDATE""").param(callId)
                .query((rs, n) -> new Stored(rs.getLong("id"), rs.getString("call_sid"), rs.getString("stir_verstat"),
                        rs.getLong("caller_id"),
                        new PhoneNumber(rs.getString("caller_phone")),
                        rs.getString("outcome") == null ? null : CallOutcome.valueOf(rs.getString("outcome")),
                        rs.getInt("ring_index"),
                        new CallFacts(CallPattern.of(rs.getString("pattern")), rs.getString("carrier_status"),
                                rs.getString("dial_status"), rs.getObject("dial_seconds", Integer.class),
                                rs.getObject("call_seconds", Integer.class), screening,
                                rs.getBoolean("screen_accepted"), rs.getString("answered_by"),
                                rs.getString("forwarded_from") != null, callerIsStaff)))
                .optional();
    }

    /** @return true when this call had no decision yet and now has {@code decision} */
    boolean decide(long callId, CallDecision decision) {
        return jdbc.sql("""
                UPDATE calls SET outcome = ?, outcome_reason = ?, decided_at = ? WHERE id = ? AND outcome IS NULL""")
                .params(decision.outcome().name(), decision.reason(), now(), callId).update() == 1;
    }

    Optional<Long> idOf(String callSid) {
        return jdbc.sql("SELECT id FROM calls WHERE call_sid = ?").param(callSid).query(Long.class).optional();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
