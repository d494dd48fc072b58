package io.redial.receptionist;

import io.redial.conversations.InboundTextReceived;
import io.redial.jobs.DurableJobs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every caller text the texting module hands over becomes a turn: an inbox row and a task, in its transaction. */
@Component
class InboundTurns {

    private final ConversationStates states;
    private final DurableJobs jobs;

    InboundTurns(ConversationStates states, DurableJobs jobs) {
        this.states = states;
        this.jobs = jobs;
    }

    @EventListener
    void on(InboundTextReceived text) {
        states.enqueue(text.tenant(), text.conversationId(), text.messageId());
        jobs.runOnce(ReceptionistTasks.turn(text.tenant(), text.conversationId(), text.messageId()));
    }
}
