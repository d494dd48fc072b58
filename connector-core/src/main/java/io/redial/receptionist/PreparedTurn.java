package io.redial.receptionist;

import io.redial.conversations.Conversation;
import io.redial.leads.Lead;

/** A turn's inputs, read before the receptionist is asked; nothing is locked meanwhile. */
record PreparedTurn(long messageId, Conversation conversation, ReceptionistProfile profile, ConversationState state,
        Lead lead, TurnContext context) {
}
