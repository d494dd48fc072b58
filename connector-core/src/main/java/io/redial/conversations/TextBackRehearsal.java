package io.redial.conversations;

import io.redial.calls.WarmUpRehearsal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The text-back's decision, rehearsed in the start-up warm-up's rolled-back transaction: the caller's facts, the
 * lead and conversation, the template, the send ledger and the pace slot, so a new node's first real missed calls
 * do not run that code cold. It stops before the carrier: nothing is sent, and nothing it wrote is kept.
 */
@Component
class TextBackRehearsal implements WarmUpRehearsal {

    private final TextBackDecision decision;

    TextBackRehearsal(TextBackDecision decision) {
        this.decision = decision;
    }

    @Override
    public void rehearse(long callId) {
        decision.decideAndQueue(callId, decision.load(callId), Optional.empty());
    }
}
