package io.redial.crm.sync;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmCapability;
import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmException;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRejected;
import io.redial.crm.CrmThrottle;
import io.redial.crm.CrmUnavailable;
import io.redial.jobs.DurableJobs;
import io.redial.shared.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one unit of sync work and acts on the adapter's outcome (DESIGN decision 4): retry later
 * (honouring the CRM's Retry-After, else exponential backoff), rejected (kept for the console), or
 * credentials expired (connection broken, work blocked until reconnect).
 */
@Component
class CrmSync {

    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);
    static final int MAX_ATTEMPTS = 30;

    private final SyncWork work;
    private final CrmConnections connections;
    private final CrmCatalog catalog;
    private final CrmAccess access;
    private final SyncSteps steps;
    private final ConnectionThrottles throttles;
    private final DurableJobs jobs;
    private final Clock clock;
    /** The first wait after a CRM is unavailable, doubling per try up to {@link #maxBackoff}. */
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, ReentrantLock> leadLocks = new ConcurrentHashMap<>();
    /** Batch drainers per connection on this node: a few, so a burst's batches overlap their round trips. */
    static final int DRAINERS = 3;
    /** The kinds a batching CRM takes together; emergencies and call-backs are rare and go alone, at once. */
    private static final java.util.Set<SyncKind> BATCHED = java.util.EnumSet.of(SyncKind.LEAD, SyncKind.TRANSCRIPT, SyncKind.JOB);
    /** When a drainer took an item's work, the item's task still comes back after this, should this node die first. */
    private static final Duration DRAINER_BACKSTOP = Duration.ofSeconds(30);
    private final Map<Long, Semaphore> drainers = new ConcurrentHashMap<>();

    CrmSync(SyncWork work, CrmConnections connections, CrmCatalog catalog, CrmAccess access, SyncSteps steps,
            ConnectionThrottles throttles, DurableJobs jobs, Clock clock,
            @Value("${redial.crm.sync.first-backoff:PT10S}") Duration firstBackoff,
            @Value("${redial.crm.sync.max-backoff:PT30M}") Duration maxBackoff) {
        this.work = work;
        this.connections = connections;
        this.catalog = catalog;
        this.access = access;
        this.steps = steps;
        this.throttles = throttles;
        this.jobs = jobs;
        this.clock = clock;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    void run(long workId) {
        SyncItem item = work.find(workId).orElse(null);
        if (item == null || item.state() != SyncState.PENDING) {
            return;
        }
        StoredConnection connection = connections.byId(item.tenant(), item.connectionId()).orElse(null);
        if (connection == null || connection.status() != ConnectionStatus.CONNECTED) {
            work.markBlocked(item, "the CRM connection is not connected");
            return;
        }
        CrmProvider provider = catalog.find(connection.crm()).orElse(null);
        if (provider == null) {
            work.markFailed(item, "no adapter for " + connection.crm() + " is installed");
            return;
        }
        if (BATCHED.contains(item.kind()) && provider.capabilities().contains(CrmCapability.BATCHES)) {
            runLeadBatch(item, connection, provider);
            return;
        }
        if (!alone(item, () -> perform(item, connection, provider))) {
            waitForTurn(item);
        }
    }

    /** Another thread syncs this lead right now: its writes are what this item's look-ups must see, so it waits its turn. */
    private void waitForTurn(SyncItem item) {
        Instant next = clock.instant().plusSeconds(1);
        work.postpone(item, next);
        jobs.runOnceAt(CrmSyncTask.instance(item.id(), next), next);
    }

    /**
     * Lead work, transcripts and booked jobs of a CRM that takes batches are drained per connection: the item's task starts a drainer (at most
     * {@link #DRAINERS} per connection on this node), which takes the connection's due lead work up to
     * {@link CrmGateway#MAX_BATCH} leads at a time until none is left. A lone lead goes at once, alone. When every
     * drainer is busy, one of them takes this item too; its task only comes back later, in case this node dies first.
     */
    private void runLeadBatch(SyncItem first, StoredConnection connection, CrmProvider provider) {
        Semaphore drainers = this.drainers.computeIfAbsent(connection.id(), id -> new Semaphore(DRAINERS));
        if (!drainers.tryAcquire()) {
            Instant later = clock.instant().plus(DRAINER_BACKSTOP);
            jobs.runOnceAt(CrmSyncTask.instance(first.id(), later), later);
            return;
        }
        int passes = 0;
        do {
            try {
                while (drainOnce(first.tenant(), connection, provider) > 0) {
                    // a burst: on to its next batch
                }
            } finally {
                drainers.release();
            }
            // Work whose task found every drainer busy after this drainer's last look: one more look, not a spin on
            // work another thread holds (its backstop covers the rest).
        } while (++passes < 2 && !work.dueLeadWork(first.tenant(), connection.id(), -1, clock.instant(), 1).isEmpty()
                && drainers.tryAcquire());
    }

    /** One batch of the connection's due lead work, each lead locked as for a single item; how many it took. */
    private int drainOnce(io.redial.shared.TenantId tenant, StoredConnection connection, CrmProvider provider) {
        List<ReentrantLock> held = new ArrayList<>();
        try {
            List<SyncItem> taken = new ArrayList<>();
            Set<Long> leadsTaken = new HashSet<>();
            for (SyncItem due : work.dueLeadWork(tenant, connection.id(), -1, clock.instant(), (DRAINERS + 1) * CrmGateway.MAX_BATCH)) {
                if (taken.size() == CrmGateway.MAX_BATCH) {
                    break;
                }
                ReentrantLock lock = leadLock(due);
                if (leadsTaken.add(due.leadId()) && lock.tryLock()) { // one item per lead in a batch
                    held.add(lock);
                    taken.add(due);
                }
            }
            List<SyncItem> batch = work.stillPending(taken);
            performBatch(batch, connection, provider);
            return batch.size();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    private void performBatch(List<SyncItem> batch, StoredConnection connection, CrmProvider provider) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, RuntimeException> failures;
        try {
            failures = steps.performBatch(batch, provider, access.open(connection, provider));
        } catch (CrmThrottle.Saturated | CrmException whole) {
            batch.forEach(item -> outcome(item, connection, whole));
            return;
        }
        work.markDone(batch.stream().filter(item -> !failures.containsKey(item.id())).toList());
        batch.stream().filter(item -> failures.containsKey(item.id()))
                .forEach(item -> outcome(item, connection, failures.get(item.id())));
    }

    private void outcome(SyncItem item, StoredConnection connection, RuntimeException failure) {
        switch (failure) {
            case CrmThrottle.Saturated saturated -> {
                Instant next = notBefore(saturated.retryAt());
                work.postpone(item, next);
                jobs.runOnceAt(CrmSyncTask.instance(item.id(), next), next);
            }
            case CrmException crm -> handle(item, connection, crm);
            default -> throw failure;
        }
    }

    private void perform(SyncItem item, StoredConnection connection, CrmProvider provider) {
        try {
            steps.perform(item, provider, access.open(connection, provider));
            work.markDone(item);
        } catch (CrmThrottle.Saturated saturated) {
            Instant next = notBefore(saturated.retryAt());
            work.postpone(item, next);
            jobs.runOnceAt(CrmSyncTask.instance(item.id(), next), next);
        } catch (CrmException failure) {
            handle(item, connection, failure);
        }
    }

    /**
     * Runs {@code work} holding this lead's sync lock for this connection, so one item per lead and CRM runs at a
     * time on this node; false, without running it, when another thread holds it. (A lock that also spans nodes
     * would need a database session held through the CRM's answers, which starved the pool; not done yet.)
     */
    private boolean alone(SyncItem item, Runnable work) {
        ReentrantLock lock = leadLock(item);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            work.run();
        } finally {
            lock.unlock();
        }
        return true;
    }

    private ReentrantLock leadLock(SyncItem item) {
        return leadLocks.computeIfAbsent(item.connectionId() + "/" + item.leadId(), k -> new ReentrantLock());
    }

    private void handle(SyncItem item, StoredConnection connection, CrmException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        switch (failure) {
            case CrmUnavailable unavailable -> {
                unavailable.retryAfter().ifPresent(pause -> {
                    throttles.pause(connection.id(), unavailable.bucket(), pause);
                    Telemetry.crmThrottled(connection.crm().value());
                });
                if (item.attempts() + 1 >= MAX_ATTEMPTS) {
                    log.warn("sync work {} ({} for lead {}) gave up after {} tries: {}", item.id(), item.kind(),
                            item.leadId(), item.attempts() + 1, error);
                    work.markFailed(item, error);
                    return;
                }
                Instant next = notBefore(clock.instant().plus(unavailable.retryAfter().orElseGet(() -> backoff(item.attempts(), firstBackoff, maxBackoff))));
                log.info("sync work {} ({} for lead {}) retries at {}: {}", item.id(), item.kind(), item.leadId(), next, error);
                work.retryLater(item, next, error);
                jobs.runOnceAt(CrmSyncTask.instance(item.id(), next), next);
            }
            case CrmRejected rejected -> {
                log.warn("sync work {} ({} for lead {}) rejected: {}", item.id(), item.kind(), item.leadId(), error);
                work.markRejected(item, error);
            }
            case CrmAuthExpired expired -> {
                log.warn("CRM connection {} of {} broke: {}", connection.id(), connection.tenant(), error);
                connections.markBroken(connection, error);
                work.markBlocked(item, error);
            }
        }
    }

    /**
     * Rounded up to the whole second: MySQL Connector/J drops fractions when it takes the server for an
     * old MySQL (MariaDB introduces itself as 5.5.5-…), and a due time rounded down would run early.
     */
    static Instant notBefore(Instant due) {
        Instant whole = due.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(due) ? due : whole.plusSeconds(1);
    }

    /**
     * 10 s, 20 s, 40 s … up to 30 min by default, with ±20 % jitter so a recovering CRM is not hit all at once:
     * a CRM down for ten minutes costs a lead six tries of its thirty.
     */
    static Duration backoff(int attemptsSoFar, Duration first, Duration max) {
        long base = Math.min(max.toMillis(), first.toMillis() << Math.min(attemptsSoFar, 20));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble(0.4);
        return Duration.ofMillis((long) (base * jitter));
    }
}
