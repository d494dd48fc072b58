package io.redial.crm;

import io.redial.shared.PhoneNumber;
import java.net.URI;
import java.time.Instant;

/** A call we took (usually missed) and what we did about it. */
public record CallLog(long callId, PhoneNumber caller, PhoneNumber line, Instant at, String summary, URI link) {
}
