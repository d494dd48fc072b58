package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenants;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the carrier tells us about a call, once per CallSid, and announces a missed call in the
 * same transaction. Webhooks call this and answer; everything slow happens in scheduled tasks.
 */
@Service
public class CallIntake {

    private static final Logger log = LoggerFactory.getLogger(CallIntake.class);

    /** What became of a carrier report. */
    public enum Recorded { NEW, DUPLICATE, UNKNOWN_LINE }

    private final JdbcClient jdbc;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallIntake(JdbcClient jdbc, Tenants tenants, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Recorded dialFinished(DialResult dial) {
        Optional<PhoneLine> found = tenants.lineByNumber(dial.line());
        if (found.isEmpty()) {
            log.warn("call {} to unknown number {}: nothing stored", dial.callSid(), dial.line().masked());
            return Recorded.UNKNOWN_LINE;
        }
        PhoneLine line = found.get();
        if (jdbc.sql("SELECT 1 FROM calls WHERE call_sid = ?").param(dial.callSid()).query().optionalValue().isPresent()) {
            return Recorded.DUPLICATE;
        }
        CallDecision decision = CallDecision.of(dial);
        long callerId = callerId(line.tenantId(), dial.caller());
        Long callId;
        try {
            callId = insertCall(line, callerId, dial, decision);
        } catch (DuplicateKeyException raced) {
            return Recorded.DUPLICATE; // the same webhook delivered twice at once: the other one won
        }
        log.info("call {} on line {}: {} ({})", dial.callSid(), line.id(), decision.outcome(), decision.reason());
        if (decision.outcome() == CallOutcome.MISSED) {
            events.publishEvent(new MissedCallDetected(line.tenantId(), callId, dial.callSid(), line.id(),
                    dial.caller(), line.number()));
        }
        return Recorded.NEW;
    }

    private long insertCall(PhoneLine line, long callerId, DialResult dial, CallDecision decision) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (tenant_id, line_id, caller_id, call_sid, from_number, to_number, carrier_status,
                                   outcome, outcome_reason, received_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(line.tenantId().value(), line.id(), callerId, dial.callSid(), dial.caller().e164(),
                        dial.line().e164(), dial.dialStatus(), decision.outcome().name(), decision.reason(), now(), now())
                .update(keys);
        return keys.getKey().longValue();
    }

    /** Finds or creates the caller in one statement: safe when two calls from one number race. */
    private long callerId(TenantId tenant, PhoneNumber phone) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO callers (tenant_id, phone, created_at) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)""")
                .params(tenant.value(), phone.e164(), now()).update(keys);
        return keys.getKey().longValue();
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
