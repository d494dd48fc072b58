package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Instant;

/** An SMS thread between one caller and one tenant line. */
public record Conversation(long id, TenantId tenant, long callerId, PhoneNumber caller, long lineId, PhoneNumber line,
        boolean open, boolean handledByHuman, Instant openedAt, Instant lastActivityAt) {
}
