package io.redial.calls;

import io.redial.tenants.CallPattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything the carrier has told us about one call so far. Unknown values are null: callbacks arrive
 * late, twice, or out of order, and the engine decides from whatever is known.
 *
 * @param parentStatus  the caller's leg: ringing, in-progress, completed, busy, failed, no-answer, canceled
 * @param dialStatus    how ringing the team ended ({@code DialCallStatus}), null until the dial result arrives
 * @param dialSeconds   seconds the team's leg was bridged ({@code DialCallDuration})
 * @param callSeconds   the caller's whole call in seconds ({@code CallDuration}), known once it completed
 * @param answeredBy    answering-machine detection on the team's leg: human, machine_start, …
 */
public record CallFacts(CallPattern pattern, @Nullable String parentStatus, @Nullable String dialStatus,
        @Nullable Integer dialSeconds, @Nullable Integer callSeconds, boolean screening, boolean screenAccepted,
        @Nullable String answeredBy, boolean forwardedFromKnown, boolean callerIsStaff) {
}
