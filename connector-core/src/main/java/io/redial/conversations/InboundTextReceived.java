package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Instant;

/**
 * A caller's text that is not an opt-out, opt-in or help keyword: one turn of their conversation for the
 * receptionist. Published inside the transaction that stored the message, so a listener that schedules
 * work commits with it.
 */
public record InboundTextReceived(TenantId tenant, long conversationId, long callerId, long messageId,
        PhoneNumber caller, PhoneNumber line, String body, Instant receivedAt) {
}
