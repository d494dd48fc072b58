package io.redial.crm.sync;

import io.redial.crm.CrmRateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This node's waiting reservations for one connection, taken from {@link SharedBudgets} together (group
 * commit): whichever caller finds no one reserving takes every request queued meanwhile in one transaction,
 * and the others are handed their answer. A lone request is one transaction, as before; a burst costs the
 * shared rows one short lock per round instead of one per request, so the drain is paced by the CRM's budget,
 * not by callers queueing on a row lock (and holding pool connections while they wait).
 */
final class ReservationQueue {

    /** As many as one transaction reserves at most; the rest go in the next round. */
    private static final int MAX_ROUND = 200;
    private static final int MAX_EXTRA_ROUNDS = 4;

    private record Pending(String bucket, CompletableFuture<SharedBudgets.Reservation> answer) {
    }

    private final SharedBudgets budgets;
    private final long connectionId;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock reserving = new ReentrantLock();

    ReservationQueue(SharedBudgets budgets, long connectionId) {
        this.budgets = budgets;
        this.connectionId = connectionId;
    }

    SharedBudgets.Reservation reserve(Map<String, CrmRateLimit> limits, String bucket, Duration maxBlock) {
        Pending mine = new Pending(bucket, new CompletableFuture<>());
        queue.add(mine);
        while (true) {
            if (reserving.tryLock()) {
                try {
                    // Its own round, and a few more for whoever queued meanwhile, so they need not wait for a poll.
                    for (int rounds = 0; !queue.isEmpty() && (!mine.answer().isDone() || rounds < MAX_EXTRA_ROUNDS); rounds++) {
                        round(limits, maxBlock);
                    }
                } finally {
                    reserving.unlock();
                }
            }
            // A request queued during the last round the reserver ran is taken by the next caller, or after this wait.
            try {
                return mine.answer().get(mine.answer().isDone() ? 0 : 10, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                // try to reserve ourselves
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reserving a CRM request", e);
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
            }
        }
    }

    private void round(Map<String, CrmRateLimit> limits, Duration maxBlock) {
        List<Pending> round = new ArrayList<>();
        for (Pending next; round.size() < MAX_ROUND && (next = queue.poll()) != null; ) {
            round.add(next);
        }
        try {
            List<SharedBudgets.Reservation> answers = budgets.reserveAll(connectionId, limits,
                    round.stream().map(Pending::bucket).toList(), maxBlock);
            for (int i = 0; i < round.size(); i++) {
                round.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            round.forEach(pending -> pending.answer().completeExceptionally(e));
        }
    }
}
