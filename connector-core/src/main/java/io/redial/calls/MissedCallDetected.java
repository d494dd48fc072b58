package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;

/** A genuine caller was missed. Published inside the transaction that decided the call. */
public record MissedCallDetected(TenantId tenant, long callId, long lineId, long callerId, PhoneNumber caller,
        PhoneNumber line) {
}
