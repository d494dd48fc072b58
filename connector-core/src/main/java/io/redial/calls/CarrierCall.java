package io.redial.calls;

import io.redial.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** The identity of a call as every carrier callback repeats it. */
public record CarrierCall(String callSid, PhoneNumber from, PhoneNumber to, @Nullable PhoneNumber forwardedFrom,
        @Nullable String stirVerstat) {
}
