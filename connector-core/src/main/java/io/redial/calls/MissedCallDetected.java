package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A genuine caller was missed. Published inside the transaction that decided the call, which holds the
 * call's row locked: {@code callSid} and {@code stirVerstat} are as stored, so listeners in that
 * transaction need not read the row again.
 */
public record MissedCallDetected(TenantId tenant, long callId, String callSid, @Nullable String stirVerstat,
        long lineId, long callerId, PhoneNumber caller, PhoneNumber line) {
}
