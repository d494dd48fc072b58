package io.redial.calls;

import io.redial.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * The carrier's report of how ringing the team went, in our words. {@code dialStatus} is the carrier's
 * raw status (no-answer, busy, failed, canceled, completed), kept for the record.
 */
public record DialResult(String callSid, PhoneNumber caller, PhoneNumber line, String dialStatus,
        int bridgedSeconds, @Nullable PhoneNumber forwardedFrom) {
}
