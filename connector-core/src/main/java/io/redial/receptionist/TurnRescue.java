package io.redial.receptionist;

import io.redial.receptionist.reading.Language;

import io.redial.conversations.Conversations;
import io.redial.conversations.OutboundTexts;
import io.redial.shared.TenantId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** When a turn keeps failing, the caller still gets an answer: a person is asked to take over. */
@Component
class TurnRescue {

    private final ConversationStates states;
    private final Conversations conversations;
    private final OutboundTexts texts;

    TurnRescue(ConversationStates states, Conversations conversations, OutboundTexts texts) {
        this.states = states;
        this.conversations = conversations;
        this.texts = texts;
    }

    @Transactional
    public void handOffPending(TenantId tenant, long conversationId) {
        var conversation = conversations.find(tenant, conversationId).orElse(null);
        if (conversation == null) {
            return;
        }
        Language l = states.find(tenant, conversationId).language();
        for (var pending = states.nextPending(tenant, conversationId); pending.isPresent();
                pending = states.nextPending(tenant, conversationId)) {
            states.markProcessed(tenant, pending.get().messageId(), "none", "FAILED", 0, 0);
            texts.queue(new OutboundTexts.Request(tenant, conversationId, null, "turn", "turn:" + pending.get().messageId(),
                    conversation.line(), conversation.caller(), Phrases.handOff(l), OutboundTexts.CONVERSATION));
        }
        conversations.setHandledByHuman(tenant, conversationId, true);
    }
}
