package io.redial.simulator;

import org.jspecify.annotations.Nullable;

/** The caller's latest lead as the simulator shows it beside the phone. */
public record LeadSeen(long id, String status, @Nullable String callOutcome, @Nullable String reason) {
}
