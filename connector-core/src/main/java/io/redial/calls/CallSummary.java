package io.redial.calls;

import io.redial.shared.PhoneNumber;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One call as the console lists it: what happened and what we texted. */
public record CallSummary(long id, Instant receivedAt, PhoneNumber caller, PhoneNumber line,
        @Nullable CallOutcome outcome, @Nullable String reason, @Nullable String textState) {
}
