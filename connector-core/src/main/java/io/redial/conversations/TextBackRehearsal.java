package io.redial.conversations;

import io.redial.calls.WarmUpRehearsal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The text-back's decision, rehearsed in the start-up warm-up's rolled-back transaction: the caller's facts, the
 * lead and conversation, the template, the send ledger and the pace slot, and the ledger's record of the send, so a
 * new node's first real missed calls do not run that code cold. It stops before the carrier: nothing is sent, and
 * nothing it wrote is kept.
 */
@Component
class TextBackRehearsal implements WarmUpRehearsal {

    private final TextBackDecision decision;
    private final SendLedger ledger;

    TextBackRehearsal(TextBackDecision decision, SendLedger ledger) {
        this.decision = decision;
        this.ledger = ledger;
    }

    @Override
    public void rehearse(long callId) {
        decision.decideAndQueue(callId, decision.load(callId), Optional.empty())
                .ifPresent(queued -> ledger.markSent(queued.messageId(), "SM-rehearsal", "queued"));
    }
}
