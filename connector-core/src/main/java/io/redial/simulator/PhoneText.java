package io.redial.simulator;

import java.time.Instant;

/** A text on the simulated phone: from the caller, or to them, with its send or delivery state. */
public record PhoneText(long id, Instant at, boolean fromCaller, String body, String state) {
}
