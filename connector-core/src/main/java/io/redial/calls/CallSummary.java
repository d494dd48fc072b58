package io.redial.calls;

import io.redial.shared.PhoneNumber;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call as the console lists it: who called (with the name their lead has, when known), what happened, what
 * we texted (in {@link io.redial.shared.DeliveryWords}), and the lead and conversation it led to.
 */
public record CallSummary(long id, Instant receivedAt, PhoneNumber caller, @Nullable String callerName, PhoneNumber line,
        @Nullable CallOutcome outcome, @Nullable String reason, String textState, @Nullable Long leadId,
        @Nullable Long conversationId) {
}
