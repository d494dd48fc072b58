package io.redial.calls;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;

/** A genuine caller was missed. Published inside the transaction that stored the call. */
public record MissedCallDetected(TenantId tenant, long callId, String callSid, long lineId, PhoneNumber caller,
        PhoneNumber line) {
}
