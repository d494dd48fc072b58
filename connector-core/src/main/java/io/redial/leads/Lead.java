package io.redial.leads;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A caller who may become a job, with what we know so far. */
public record Lead(long id, TenantId tenant, long callerId, PhoneNumber callerPhone, @Nullable Long callId,
        @Nullable Long conversationId, LeadStatus status, LeadDetails details, boolean existingCustomer,
        @Nullable String suppressionReason, Instant createdAt, Instant updatedAt) {
}
