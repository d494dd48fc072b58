package io.redial.receptionist;

import io.redial.receptionist.reading.Language;

import io.redial.conversations.Conversations;
import io.redial.conversations.OutboundTexts;
import io.redial.shared.TenantId;
import java.util.List;
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
        // One hand-off for everything waiting, however many texts that is.
        List<Long> waiting = states.pending(tenant, conversationId).stream().map(ConversationStates.PendingTurn::messageId).toList();
        if (!waiting.isEmpty()) {
            long newest = waiting.getLast();
            states.markCoalesced(tenant, waiting.subList(0, waiting.size() - 1));
            states.markProcessed(tenant, newest, "none", "FAILED", 0, 0);
            texts.queue(new OutboundTexts.Request(tenant, conversationId, null, "turn", "turn:" + newest,
                    conversation.line(), conversation.caller(), Phrases.handOff(l), OutboundTexts.CONVERSATION));
        }
        conversations.setHandledByHuman(tenant, conversationId, true);
    }
}
