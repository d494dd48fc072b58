package io.redial.calls;

import io.redial.jobs.DurableJobs;
import io.redial.shared.PhoneNumber;
import io.redial.tenants.CallPattern;
import io.redial.tenants.Callers;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the carrier tells us about a call, once per CallSid and in any order, decides the call's
 * outcome as soon as the facts allow, and announces a missed call in the same transaction. Webhooks call
 * this and answer; everything slow happens in scheduled tasks.
 */
@Service
public class CallIntake {

    private static final Logger log = LoggerFactory.getLogger(CallIntake.class);

    /** The caller's first ring: which line it reached and, for forwarded lines, the decision. */
    public sealed interface Incoming {
        record UnknownLine() implements Incoming { }
        record RingTeam(PhoneLine line, Tenant tenant, boolean allAtOnce) implements Incoming { }
        record AlreadyMissed(PhoneLine line, Tenant tenant) implements Incoming { }
    }

    /** What to do after the team's phones reported back. */
    public sealed interface AfterDial {
        record UnknownLine() implements AfterDial { }
        record RingNext(PhoneLine line, PhoneNumber number) implements AfterDial { }
        record Finished(@Nullable CallOutcome outcome, Tenant tenant) implements AfterDial { }
    }

    private final JdbcClient jdbc;
    private final Calls calls;
    private final Tenants tenants;
    private final Callers callers;
    private final DurableJobs jobs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallIntake(JdbcClient jdbc, Calls calls, Tenants tenants, Callers callers, DurableJobs jobs,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.tenants = tenants;
        this.callers = callers;
        this.jobs = jobs;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Incoming incoming(CarrierCall call) {
        Optional<PhoneLine> found = lineFor(call);
        if (found.isEmpty()) {
            return new Incoming.UnknownLine();
        }
        PhoneLine line = found.get();
        Tenant tenant = tenants.find(line.tenantId()).orElseThrow();
        long callId = store(line, call);
        if (isStaff(tenant, call.from())) {
            decide(callId, line, tenant); // settled as "not a lead" now; the call itself goes on as usual
        }
        if (line.pattern() == CallPattern.FORWARDED) {
            decide(callId, line, tenant);
            return new Incoming.AlreadyMissed(line, tenant);
        }
        if (line.ringList().isEmpty()) {
            calls.recordDial(callId, "failed", 0, null); // nobody to ring: the caller is missed at once
            decide(callId, line, tenant);
            return new Incoming.AlreadyMissed(line, tenant);
        }
        boolean inOrder = tenants.ringsInOrder(line.id());
        return new Incoming.RingTeam(line, tenant, !inOrder);
    }

    @Transactional
    public AfterDial dialFinished(CarrierCall call, String dialStatus, int dialSeconds, @Nullable String answeredBy) {
        Optional<PhoneLine> found = lineFor(call);
        if (found.isEmpty()) {
            return new AfterDial.UnknownLine();
        }
        PhoneLine line = found.get();
        Tenant tenant = tenants.find(line.tenantId()).orElseThrow();
        long callId = calls.upsertWithDial(line, callers.idOf(line.tenantId(), call.from()), call.callSid(), call.from(),
                call.to(), call.forwardedFrom(), call.stirVerstat(), dialStatus, dialSeconds, answeredBy);
        Calls.Stored stored = calls.lock(callId, line.screening(), isStaff(tenant, call.from())).orElseThrow();
        boolean unanswered = dialStatus.equals("no-answer") || dialStatus.equals("busy") || dialStatus.equals("failed");
        int next = stored.ringIndex() + 1;
        if (stored.outcome() == null && unanswered && tenants.ringsInOrder(line.id()) && next < line.ringList().size()) {
            calls.advanceRing(callId, next);
            return new AfterDial.RingNext(line, line.ringList().get(next));
        }
        return new AfterDial.Finished(decide(stored, line, tenant), tenant); // the row is locked already
    }

    /** A person on the team pressed 1 on the screening prompt for the caller's call. */
    @Transactional
    public void screenAccepted(String parentCallSid) {
        calls.recordScreenAccepted(parentCallSid);
    }

    /** The caller's own leg changed state; a final state without a dial result gets a decision shortly. */
    @Transactional
    public void statusChanged(CarrierCall call, String status, @Nullable Integer callSeconds) {
        Optional<PhoneLine> found = lineFor(call);
        if (found.isEmpty()) {
            return;
        }
        long callId = store(found.get(), call);
        calls.recordParentStatus(callId, status, callSeconds);
        // The dial result may still be on its way (callbacks are not ordered): decide a little later.
        jobs.runOnceAt(DecideCall.instance(callId), clock.instant().plusSeconds(DecideCall.GRACE_SECONDS));
    }

    /** The caller left a voicemail; its recording is kept on the call (and shown with the lead). */
    @Transactional
    public void voicemailLeft(String callSid, String recordingUrl) {
        jdbc.sql("UPDATE calls SET voicemail_url = ? WHERE call_sid = ?").params(recordingUrl, callSid).update();
    }

    /** Decides a call from what is stored, if it is still undecided and the facts allow. */
    @Transactional
    public @Nullable CallOutcome decideLater(long callId) {
        long lineId = jdbc.sql("SELECT line_id FROM calls WHERE id = ?").param(callId).query(Long.class).single();
        PhoneLine line = tenants.line(lineId).orElseThrow();
        return decide(callId, line, tenants.find(line.tenantId()).orElseThrow());
    }

    private @Nullable CallOutcome decide(long callId, PhoneLine line, Tenant tenant) {
        return decide(calls.lock(callId, line.screening(), false).orElseThrow(), line, tenant);
    }

    /** Decides from {@code stored}, which this transaction has locked. */
    private @Nullable CallOutcome decide(Calls.Stored stored, PhoneLine line, Tenant tenant) {
        long callId = stored.id();
        if (stored.outcome() != null) {
            return stored.outcome();
        }
        CallFacts facts = withStaff(stored.facts(), isStaff(tenant, stored.caller()));
        CallDecision decision = CallOutcomeEngine.decide(facts, tenants.policy(tenant.id()).hangUpThresholdSeconds());
        if (decision == null || !calls.decide(callId, decision)) {
            return null;
        }
        // Stored with its reason on the call; at DEBUG only, as this runs for every call on the webhook's path.
        log.debug("call {} on line {}: {} ({})", callId, line.id(), decision.outcome(), decision.reason());
        if (decision.outcome() == CallOutcome.MISSED) {
            events.publishEvent(new MissedCallDetected(tenant.id(), callId, stored.callSid(), stored.stirVerstat(),
                    line.id(), stored.callerId(), stored.caller(), line.number()));
        }
        return decision.outcome();
    }

    private long store(PhoneLine line, CarrierCall call) {
        long callerId = callers.idOf(line.tenantId(), call.from());
        return calls.upsert(line, callerId, call.callSid(), call.from(), call.to(), call.forwardedFrom(), call.stirVerstat());
    }

    /** The line the call reached: by {@code To}, else by the contractor number in {@code ForwardedFrom}. */
    private Optional<PhoneLine> lineFor(CarrierCall call) {
        Optional<PhoneLine> byTo = tenants.lineByNumber(call.to());
        if (byTo.isPresent() || call.forwardedFrom() == null) {
            if (byTo.isEmpty()) {
                log.warn("call {} to unknown number {}: nothing stored", call.callSid(), call.to().masked());
            }
            return byTo;
        }
        return tenants.lineForwardedFrom(call.forwardedFrom());
    }

    private static boolean isStaff(Tenant tenant, PhoneNumber caller) {
        return tenant.staff().contains(caller) || tenant.onCall().contains(caller);
    }

    private static CallFacts withStaff(CallFacts f, boolean staff) {
        return new CallFacts(f.pattern(), f.parentStatus(), f.dialStatus(), f.dialSeconds(), f.callSeconds(),
                f.screening(), f.screenAccepted(), f.answeredBy(), f.forwardedFromKnown(), staff);
    }
}
