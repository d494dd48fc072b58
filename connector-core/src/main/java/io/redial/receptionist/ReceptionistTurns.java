package io.redial.receptionist;

import io.redial.conversations.TranscriptLine;
import io.redial.leads.LeadDetails;
import io.redial.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a conversation's pending turns one at a time, oldest first, while holding its lease: read, ask
 * the receptionist (outside any transaction), then dispose of the answer in one transaction.
 */
@Service
public class ReceptionistTurns {

    /** Another node (or thread) holds the conversation's lease; try again shortly. */
    public static final class LeaseBusy extends RuntimeException {
        LeaseBusy(long conversationId) {
            super("conversation " + conversationId + " is taking a turn elsewhere");
        }
    }

    private final String owner = "node-" + UUID.randomUUID();
    private final ConversationStates states;
    private final TurnPreparation preparation;
    private final Receptionists receptionists;
    private final TurnDisposal disposal;
    private final TransactionTemplate tx;

    ReceptionistTurns(ConversationStates states, TurnPreparation preparation, Receptionists receptionists,
            TurnDisposal disposal, PlatformTransactionManager txm) {
        this.states = states;
        this.preparation = preparation;
        this.receptionists = receptionists;
        this.disposal = disposal;
        this.tx = new TransactionTemplate(txm);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** @return how many turns ran */
    public int drain(TenantId tenant, long conversationId) {
        String me = owner + ":" + Thread.currentThread().threadId();
        if (!states.tryLease(tenant, conversationId, me)) {
            throw new LeaseBusy(conversationId);
        }
        try {
            int turns = 0;
            for (var next = states.nextPending(tenant, conversationId); next.isPresent();
                    next = states.nextPending(tenant, conversationId)) {
                run(tenant, conversationId, next.get());
                turns++;
            }
            return turns;
        } finally {
            states.release(tenant, conversationId, me);
        }
    }

    private void run(TenantId tenant, long conversationId, ConversationStates.PendingTurn pending) {
        long t0 = System.nanoTime();
        if (!receptionists.hasModel()) {
            // Offline the receptionist is pure computation: read, decide and write in one transaction.
            tx.executeWithoutResult(s -> preparation.prepare(tenant, conversationId, pending)
                    .ifPresentOrElse(turn -> dispose(turn, answer(turn), t0), () -> skip(tenant, pending)));
            return;
        }
        Optional<PreparedTurn> prepared = tx.execute(s -> preparation.prepare(tenant, conversationId, pending));
        if (prepared.isEmpty()) {
            tx.executeWithoutResult(s -> skip(tenant, pending));
            return;
        }
        Receptionists.Answer answer = answer(prepared.get()); // the model is asked outside any transaction
        tx.executeWithoutResult(s -> dispose(prepared.get(), answer, t0));
    }

    private Receptionists.Answer answer(PreparedTurn turn) {
        if (turn.state().turns() >= turn.profile().settings().turnCap()) {
            return new Receptionists.Answer(new ReceptionistReply(Phrases.turnCap(turn.context().language()),
                    LeadDetails.NONE, Action.HAND_OFF, null), "cap", 0, null);
        }
        return receptionists.answer(turn.context());
    }

    private void dispose(PreparedTurn turn, Receptionists.Answer answer, long t0) {
        long ours = (System.nanoTime() - t0) / 1000 - answer.modelMicros();
        if (states.markProcessed(turn.profile().tenant(), turn.messageId(), answer.agent(), answer.reply().action().name(),
                ours, answer.modelMicros())) {
            disposal.apply(turn, answer);
        }
    }

    private void skip(TenantId tenant, ConversationStates.PendingTurn pending) {
        states.markProcessed(tenant, pending.messageId(), "none", "SKIPPED", 0, 0);
    }

    /** The transcript a receptionist sees: the newest lines only, to bound prompt and memory size. */
    static List<TranscriptLine> recent(List<TranscriptLine> all) {
        return all.size() <= 20 ? all : all.subList(all.size() - 20, all.size());
    }
}
