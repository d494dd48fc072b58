package io.redial.conversations;

import io.redial.jobs.DurableJobs;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way any module sends a text: a ledger row plus a durable send task, in the caller's transaction.
 * The dedupe key names the purpose ("textback:&lt;CallSid&gt;", "turn:&lt;messageId&gt;"): the same key never
 * produces a second text.
 */
@Service
public class OutboundTexts {

    /** Higher runs first when the queue is deep. */
    public static final int FIRST_CONTACT = SendText.FIRST_CONTACT_PRIORITY;
    public static final int CONVERSATION = 5;
    public static final int FOLLOW_UP = 0;

    /** How long a carrier hiccup on the first, inline attempt waits before the send task's retries take over. */
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    private final SendLedger ledger;
    private final DurableJobs jobs;
    private final TextSender sender;
    private final Clock clock;

    OutboundTexts(SendLedger ledger, DurableJobs jobs, TextSender sender, Clock clock) {
        this.ledger = ledger;
        this.jobs = jobs;
        this.sender = sender;
        this.clock = clock;
    }

    public record Request(TenantId tenant, @Nullable Long conversationId, @Nullable Long callId, String purpose,
            String dedupeKey, PhoneNumber from, PhoneNumber to, String body, int priority) {
    }

    /** @return the ledger id, or empty when a text with this dedupe key already exists */
    @Transactional
    public Optional<Long> queue(Request request) {
        Optional<Long> id = ledger.add(request.tenant(), request.conversationId(), request.callId(), request.purpose(),
                request.dedupeKey(), request.from(), request.to(), request.body());
        id.ifPresent(messageId -> jobs.runOnce(SendText.instance(messageId, request.priority())));
        return id;
    }

    /**
     * The ledger row alone, for a durable task that sends it itself right after its transaction commits
     * ({@link #sendNow}), which saves a second task per text. That task must stay scheduled until
     * {@code sendNow} returned, and on a re-run hand what is still unsent to the send task
     * ({@link #handOverUnsent}): so the row is never left without someone to send it. The text's pace slot is
     * reserved in the same transaction and kept on the row; a text due now is written with its first attempt
     * already claimed, so the send needs no statement (and no commit) of its own before the carrier is asked.
     * Should the task die before the attempt, its re-run finds the row claimed and the send task waits out the
     * lease, then asks the carrier's log first, as after any attempt cut short. When the dedupe key exists
     * already, the slot goes unused: the sender's next text waits one gap longer, which is harmless.
     */
    @Transactional
    Optional<Queued> queueForSendNow(Request request) {
        Instant now = clock.instant();
        Instant slot = sender.reserveSlot(request.tenant(), request.from());
        Long claimedUntil = sender.isDue(slot) ? sender.leaseEnd().toEpochMilli() : null;
        return ledger.add(request.tenant(), request.conversationId(), request.callId(), request.purpose(),
                request.dedupeKey(), request.from(), request.to(), request.body(), slot.toEpochMilli(), claimedUntil)
                .map(id -> new Queued(new SendLedger.Unsent(new LedgerEntry(id, request.tenant(), request.from(),
                        request.to(), request.body(), claimedUntil != null ? SendState.SENDING : SendState.PENDING,
                        null, claimedUntil != null ? 1 : 0, now), request.purpose(), slot.toEpochMilli(), claimedUntil,
                        false), request.priority(), claimedUntil != null));
    }

    /**
     * A text {@link #queueForSendNow} put in the ledger, as written: its first attempt needs no read of the row.
     * A text not {@code claimed} yet (its pace slot is later) is claimed when its slot comes; should another run
     * have got to it meanwhile, that claim says so and nothing is sent twice.
     */
    record Queued(SendLedger.Unsent text, int priority, boolean claimed) {

        long messageId() {
            return text.entry().id();
        }
    }

    /** The first attempt, on the caller's thread; a paced slot or a carrier hiccup goes to the durable send task. */
    void sendNow(Queued queued) {
        long messageId = queued.messageId();
        Instant later = null;
        try {
            if (queued.claimed()) {
                sender.sendClaimed(queued.text().entry());
            } else {
                later = sender.send(queued.text());
            }
        } catch (TextSendFailed retryable) { // the row stays SENDING: the send task checks the carrier's log first
            jobs.runOnceAt(SendText.instance(messageId, queued.priority()), clock.instant().plus(FIRST_RETRY));
            return;
        }
        if (later != null) {
            jobs.runOnceAt(SendText.instance(messageId, queued.priority()), later);
        }
    }

    /**
     * A task that queued texts for {@link #sendNow} stopped before it finished: the send task takes them over.
     * Never sent inline here, so only one run at a time can ever be sending a row.
     */
    void handOverUnsent(long callId, int priority) {
        for (long messageId : ledger.unsentForCall(callId)) {
            jobs.runOnce(SendText.instance(messageId, priority));
        }
    }
}
