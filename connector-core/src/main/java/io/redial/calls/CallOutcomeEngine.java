package io.redial.calls;

import static io.redial.calls.CallOutcome.ANSWERED;
import static io.redial.calls.CallOutcome.HUNG_UP_TOO_FAST;
import static io.redial.calls.CallOutcome.MISSED;
import static io.redial.calls.CallOutcome.NOT_A_LEAD;

import io.redial.tenants.CallPattern;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides what a call was. A call counts as answered only when a person on the team took it: with
 * screening that means someone pressed 1, so a personal voicemail picking up is still a missed call.
 */
public final class CallOutcomeEngine {

    private static final Set<String> FINAL_PARENT = Set.of("completed", "busy", "failed", "no-answer", "canceled");

    private CallOutcomeEngine() {
    }

    /** @return the decision, or null while the facts so far cannot settle it */
    public static @Nullable CallDecision decide(CallFacts f, int hangUpThresholdSeconds) {
        if (f.callerIsStaff()) {
            return new CallDecision(NOT_A_LEAD, "the caller is one of the business's own staff or on-call numbers");
        }
        if (f.pattern() == CallPattern.FORWARDED) {
            return new CallDecision(MISSED, f.forwardedFromKnown()
                    ? "the carrier forwarded a call the business did not answer"
                    : "a call reached the forwarding number (no diversion info from the carrier): already missed");
        }
        if (f.dialStatus() != null) {
            return fromDial(f, hangUpThresholdSeconds);
        }
        if (f.parentStatus() != null && FINAL_PARENT.contains(f.parentStatus())) {
            return callerGaveUp(f.callSeconds(), hangUpThresholdSeconds, "before the team's phones reported back");
        }
        return CallDecision.UNDECIDED;
    }

    private static CallDecision fromDial(CallFacts f, int threshold) {
        int bridged = f.dialSeconds() == null ? 0 : f.dialSeconds();
        return switch (f.dialStatus()) {
            case "completed", "answered" -> bridgedCall(f, bridged);
            case "no-answer" -> new CallDecision(MISSED, "nobody answered within the ring timeout");
            case "busy" -> new CallDecision(MISSED, "every phone on the ring list was busy");
            case "failed" -> new CallDecision(MISSED, "the team's phones could not be reached");
            case "canceled" -> callerGaveUp(f.callSeconds(), threshold, "while the team's phones rang");
            default -> new CallDecision(MISSED, "unknown dial status '" + f.dialStatus()
                    + "': treated as missed so no caller is lost");
        };
    }

    private static CallDecision bridgedCall(CallFacts f, int bridged) {
        if (f.screening()) {
            return f.screenAccepted()
                    ? new CallDecision(ANSWERED, "a person on the team accepted the call (pressed 1), talked " + bridged + " s")
                    : new CallDecision(MISSED, "the call was picked up but nobody pressed 1: a voicemail or an unattended phone");
        }
        if (f.answeredBy() != null && f.answeredBy().startsWith("machine")) {
            return new CallDecision(MISSED, "a voicemail answered (" + f.answeredBy() + ")");
        }
        return bridged > 0
                ? new CallDecision(ANSWERED, "the call was bridged to the team for " + bridged + " s")
                : new CallDecision(MISSED, "the call was connected for 0 s: nobody was there");
    }

    private static CallDecision callerGaveUp(@Nullable Integer callSeconds, int threshold, String when) {
        if (callSeconds != null && callSeconds < threshold) {
            return new CallDecision(HUNG_UP_TOO_FAST,
                    "the caller hung up after " + callSeconds + " s " + when + " (under the " + threshold + " s threshold)");
        }
        return new CallDecision(MISSED, "the caller hung up "
                + (callSeconds == null ? "" : "after " + callSeconds + " s ") + when);
    }
}
