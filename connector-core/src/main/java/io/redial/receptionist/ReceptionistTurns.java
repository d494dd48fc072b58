package io.redial.receptionist;

import io.redial.conversations.TranscriptLine;
import io.redial.leads.LeadDetails;
import io.redial.shared.TenantId;
import io.redial.shared.geo.GeoPoint;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a conversation's pending turns one at a time, oldest first, while holding its lease: read, ask
 * the receptionist (and the geocoder, outside any transaction), then dispose of the answer in one transaction.
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
    private final ReceptionistProfiles profiles;
    private final Geocoder geocoder;
    private final TransactionTemplate tx;

    ReceptionistTurns(ConversationStates states, TurnPreparation preparation, Receptionists receptionists,
            TurnDisposal disposal, ReceptionistProfiles profiles, Geocoder geocoder, PlatformTransactionManager txm) {
        this.profiles = profiles;
        this.geocoder = geocoder;
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
        if (!receptionists.hasModel() && !locatesAddresses(tenant)) {
            // Offline the receptionist is pure computation: read, decide and write in one transaction.
            tx.executeWithoutResult(s -> preparation.prepare(tenant, conversationId, pending)
                    .ifPresentOrElse(turn -> dispose(turn, answer(turn), null, t0), () -> skip(tenant, pending)));
            return;
        }
        Optional<PreparedTurn> prepared = tx.execute(s -> preparation.prepare(tenant, conversationId, pending));
        if (prepared.isEmpty()) {
            tx.executeWithoutResult(s -> skip(tenant, pending));
            return;
        }
        // The model and the geocoder are asked outside any transaction.
        Receptionists.Answer answer = answer(prepared.get());
        GeoPoint located = located(prepared.get(), answer);
        tx.executeWithoutResult(s -> dispose(prepared.get(), answer, located, t0));
    }

    /** A radius service area needs the caller's address located, a network call kept out of transactions. */
    private boolean locatesAddresses(TenantId tenant) {
        return profiles.cached(tenant).map(p -> p.serviceArea().radius() != null).orElse(false);
    }

    private @Nullable GeoPoint located(PreparedTurn turn, Receptionists.Answer answer) {
        String address = LeadCheck.serviceAddress(answer.reply().extracted());
        return address != null && turn.profile().serviceArea().needsLocation(address)
                ? geocoder.locate(address).orElse(null) : null;
    }

    private Receptionists.Answer answer(PreparedTurn turn) {
        if (turn.state().turns() >= turn.profile().settings().turnCap()) {
            return new Receptionists.Answer(new ReceptionistReply(Phrases.turnCap(turn.context().language()),
                    LeadDetails.NONE, Action.HAND_OFF, null), "cap", 0, null);
        }
        return receptionists.answer(turn.context());
    }

    private void dispose(PreparedTurn turn, Receptionists.Answer answer, @Nullable GeoPoint located, long t0) {
        long ours = (System.nanoTime() - t0) / 1000 - answer.modelMicros();
        if (states.markProcessed(turn.profile().tenant(), turn.messageId(), answer.agent(), answer.reply().action().name(),
                ours, answer.modelMicros())) {
            disposal.apply(turn, answer, located);
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
