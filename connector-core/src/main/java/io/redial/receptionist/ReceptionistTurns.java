package io.redial.receptionist;

import io.redial.conversations.TranscriptLine;
import io.redial.leads.LeadDetails;
import io.redial.shared.TenantId;
import io.redial.shared.geo.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a conversation's turns one at a time while holding its lease: read, ask the receptionist (and the
 * geocoder, outside any transaction), then dispose of the answer in one transaction. Every caller text still
 * waiting is answered in one turn (the caller gets one answer per turn, not one per text), and a conversation
 * takes turns at its own pace: {@code redial.receptionist.turn-gap} apart, or {@code flood-turn-gap} apart while
 * its caller sends more than {@code flood-texts-per-minute}. So one noisy number costs a turn now and then,
 * never a queue of them.
 */
@Service
public class ReceptionistTurns {

    /** How many of the waiting texts one turn reads (the newest different ones); the rest are answered with it. */
    static final int MAX_COALESCED = 10;

    private final String owner = "node-" + UUID.randomUUID();
    private final ConversationStates states;
    private final TurnPreparation preparation;
    private final Receptionists receptionists;
    private final TurnDisposal disposal;
    private final ReceptionistProfiles profiles;
    private final Geocoder geocoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration turnGap;
    private final Duration floodTurnGap;
    private final int floodTextsPerMinute;

    ReceptionistTurns(ConversationStates states, TurnPreparation preparation, Receptionists receptionists,
            TurnDisposal disposal, ReceptionistProfiles profiles, Geocoder geocoder, PlatformTransactionManager txm,
            Clock clock, @Value("${redial.receptionist.turn-gap:PT1S}") Duration turnGap,
            @Value("${redial.receptionist.flood-turn-gap:PT30S}") Duration floodTurnGap,
            @Value("${redial.receptionist.flood-texts-per-minute:10}") int floodTextsPerMinute) {
        this.profiles = profiles;
        this.geocoder = geocoder;
        this.states = states;
        this.preparation = preparation;
        this.receptionists = receptionists;
        this.disposal = disposal;
        this.tx = new TransactionTemplate(txm);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.turnGap = turnGap;
        this.floodTurnGap = floodTurnGap;
        this.floodTextsPerMinute = floodTextsPerMinute;
    }

    /**
     * One run of a turn task. {@code task} names the task, so a lease it holds while it waits for the
     * conversation's next turn is still its own when it comes back (on whichever node).
     *
     * @return when the task must run again, or null when it is done; never an error for a busy conversation
     */
    public @Nullable Instant take(TenantId tenant, long conversationId, String task) {
        if (!states.hasPending(tenant, conversationId)) {
            return null; // answered within an earlier turn
        }
        if (!states.tryLease(tenant, conversationId, task)) {
            // Another task drives the conversation and answers this text too: look once more when its lease ends.
            return states.leaseUntil(tenant, conversationId);
        }
        try {
            Instant due = states.nextTurnAt(tenant, conversationId);
            if (due != null && due.isAfter(clock.instant())) {
                return hold(tenant, conversationId, task, due);
            }
            turn(tenant, conversationId);
        } catch (RuntimeException failed) {
            states.release(tenant, conversationId, task);
            throw failed;
        }
        states.release(tenant, conversationId, task);
        // Texts that came during the turn found the lease taken and wait out its end: this task answers them
        // at the conversation's pace instead. Checked after the release, so none slips between the two.
        if (states.hasPending(tenant, conversationId) && states.tryLease(tenant, conversationId, task)) {
            Instant due = states.nextTurnAt(tenant, conversationId);
            return hold(tenant, conversationId, task, due != null ? due : clock.instant());
        }
        return null;
    }

    /** Keeps the lease through the wait: texts arriving meanwhile leave their answer to this task's turn. */
    private Instant hold(TenantId tenant, long conversationId, String task, Instant due) {
        states.tryLease(tenant, conversationId, task, due.plus(ConversationStates.LEASE));
        return due;
    }

    /**
     * Answers what the conversation has waiting in one turn, now, whatever its pace: for callers that pace
     * themselves (the evaluation, benchmarks).
     *
     * @return how many turns ran (0 or 1)
     */
    public int drain(TenantId tenant, long conversationId) {
        String me = owner + ":" + Thread.currentThread().threadId();
        if (!states.tryLease(tenant, conversationId, me)) {
            throw new IllegalStateException("conversation " + conversationId + " is taking a turn elsewhere");
        }
        try {
            return turn(tenant, conversationId);
        } finally {
            states.release(tenant, conversationId, me);
        }
    }

    private int turn(TenantId tenant, long conversationId) {
        List<ConversationStates.PendingTurn> pending = states.pending(tenant, conversationId);
        if (pending.isEmpty()) {
            return 0;
        }
        Instant started = clock.instant();
        List<ConversationStates.PendingTurn> read = readTogether(pending);
        var newest = pending.getLast();
        var together = new ConversationStates.PendingTurn(newest.messageId(),
                read.stream().map(ConversationStates.PendingTurn::body).collect(Collectors.joining("\n")));
        List<Long> answeredWith = pending.subList(0, pending.size() - 1).stream()
                .map(ConversationStates.PendingTurn::messageId).toList();
        run(tenant, conversationId, together, answeredWith);
        boolean flooding = states.textsSince(tenant, conversationId, started.minus(Duration.ofMinutes(1))) > floodTextsPerMinute;
        states.paceNextTurn(tenant, conversationId, started.plus(flooding ? floodTurnGap : turnGap));
        return 1;
    }

    /**
     * The texts a turn reads: the newest {@link #MAX_COALESCED} different ones, oldest first. A flood repeats
     * itself, so a different text in it (an address, a gas smell) is still read among the repeats.
     */
    static List<ConversationStates.PendingTurn> readTogether(List<ConversationStates.PendingTurn> pending) {
        var seen = new java.util.HashSet<String>();
        var newestFirst = new java.util.ArrayList<ConversationStates.PendingTurn>();
        for (int i = pending.size() - 1; i >= 0 && newestFirst.size() < MAX_COALESCED; i--) {
            if (seen.add(String.valueOf(pending.get(i).body()).strip().toLowerCase(java.util.Locale.ROOT))) {
                newestFirst.add(pending.get(i));
            }
        }
        return newestFirst.reversed();
    }

    private void run(TenantId tenant, long conversationId, ConversationStates.PendingTurn pending, List<Long> answeredWith) {
        long t0 = System.nanoTime();
        if (!receptionists.hasModel() && !locatesAddresses(tenant)) {
            // Offline the receptionist is pure computation: read, decide and write in one transaction.
            tx.executeWithoutResult(s -> preparation.prepare(tenant, conversationId, pending)
                    .ifPresentOrElse(turn -> dispose(turn, answer(turn), null, t0, answeredWith),
                            () -> skip(tenant, pending, answeredWith)));
            return;
        }
        Optional<PreparedTurn> prepared = tx.execute(s -> preparation.prepare(tenant, conversationId, pending));
        if (prepared.isEmpty()) {
            tx.executeWithoutResult(s -> skip(tenant, pending, answeredWith));
            return;
        }
        // The model and the geocoder are asked outside any transaction.
        Receptionists.Answer answer = answer(prepared.get());
        GeoPoint located = located(prepared.get(), answer);
        tx.executeWithoutResult(s -> dispose(prepared.get(), answer, located, t0, answeredWith));
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

    private void dispose(PreparedTurn turn, Receptionists.Answer answer, @Nullable GeoPoint located, long t0,
            List<Long> answeredWith) {
        states.markCoalesced(turn.profile().tenant(), answeredWith);
        long ours = (System.nanoTime() - t0) / 1000 - answer.modelMicros();
        if (states.markProcessed(turn.profile().tenant(), turn.messageId(), answer.agent(), answer.reply().action().name(),
                ours, answer.modelMicros())) {
            disposal.apply(turn, answer, located);
        }
    }

    private void skip(TenantId tenant, ConversationStates.PendingTurn pending, List<Long> answeredWith) {
        states.markCoalesced(tenant, answeredWith);
        states.markProcessed(tenant, pending.messageId(), "none", "SKIPPED", 0, 0);
    }

    /** The transcript a receptionist sees: the newest lines only, to bound prompt and memory size. */
    static List<TranscriptLine> recent(List<TranscriptLine> all) {
        return all.size() <= 20 ? all : all.subList(all.size() - 20, all.size());
    }
}
