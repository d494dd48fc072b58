package io.redial.calls;

import org.jspecify.annotations.Nullable;

/** An outcome and the reason for it, stored on every call so each text sent or not sent can be explained. */
public record CallDecision(CallOutcome outcome, String reason) {

    /** Not enough known yet: wait for the next callback. */
    public static final @Nullable CallDecision UNDECIDED = null;
}
