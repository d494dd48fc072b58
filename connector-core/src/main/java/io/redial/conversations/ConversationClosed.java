package io.redial.conversations;

import io.redial.shared.TenantId;

/** A conversation ended (idle, or closed by the receptionist or a person); its transcript goes to the CRM. */
public record ConversationClosed(TenantId tenant, long conversationId, String reason) {
}
