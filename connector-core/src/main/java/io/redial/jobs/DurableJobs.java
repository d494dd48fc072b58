package io.redial.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules durable work inside the caller's transaction: the task row commits or rolls back with the
 * business rows that asked for it. After commit the scheduler is woken so the work starts at once
 * instead of at the next poll.
 *
 * <p>Work that should start the moment its transaction commits runs on this node's fast lane
 * ({@link #runHereAfterCommit}); its row is written already picked by this node, and this node keeps its
 * heartbeat fresh as db-scheduler does for its own executions. When the node dies, the heartbeats stop and any
 * node's scheduler revives the row as a dead execution within seconds (see SchedulerConfiguration).
 */
@Component
public class DurableJobs {

    private static final Logger log = LoggerFactory.getLogger(DurableJobs.class);
    private static final int MAX_BATCH = 256;
    /** How long the forgetter gathers finished rows before one DELETE: at load, one statement per many texts. */
    private static final Duration FORGET_WINDOW = Duration.ofMillis(250);
    /** How long a stopping node lets its fast lane finish what it holds before handing the rest back. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final SchedulerClient transactionalClient;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcTemplate jdbc;
    private final ExecutorService fastLane;
    /** Rows of fast-lane work that finished, removed in batches by one thread (see {@link #forgetFinished}). */
    private final BlockingQueue<TaskInstanceId> finished = new LinkedBlockingQueue<>();
    /** Rows this node's fast lane holds (queued or running): their heartbeats are this node's to keep. */
    private final Set<TaskInstanceId> held = ConcurrentHashMap.newKeySet();
    private final Thread forgetter;
    private final ScheduledExecutorService heartbeats;
    private final String node;
    private final Clock clock;

    DurableJobs(DataSource dataSource, ObjectProvider<Scheduler> scheduler, SchedulerName node, Clock clock,
            @Value("${redial.jobs.fast-lane-threads:3}") int fastLaneThreads,
            @Value("${redial.jobs.heartbeat:PT0.5S}") Duration heartbeat) {
        // Joins the Spring transaction of whoever schedules. It only writes rows, so it needs no task
        // list, which keeps task handlers free to schedule further work.
        // Timestamps in UTC, as the Scheduler writes them: a JVM in another zone must not shift task times.
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        this.transactionalClient = SchedulerClient.Builder.create(transactional)
                .jdbcCustomization(new TaskTimes(new AutodetectJdbcCustomization(transactional, true)))
                .enablePriority()
                .build();
        this.scheduler = scheduler;
        this.jdbc = new JdbcTemplate(dataSource);
        this.node = node.getName();
        this.clock = clock;
        // First come, first served; work that waits too long is handed to the scheduler (see runHereAfterCommit).
        this.fastLane = Executors.newFixedThreadPool(fastLaneThreads, Thread.ofPlatform().name("fast-lane-", 1).factory());
        this.forgetter = Thread.ofPlatform().name("fast-lane-forget").daemon().start(this::forgetFinished);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("fast-lane-heartbeat").daemon().factory());
        heartbeats.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A stopping node finishes what its fast lane holds (for up to {@link #STOP_GRACE}), hands whatever is left
     * to the other nodes' schedulers at once (rather than after its heartbeats are missed), and removes the rows
     * of finished work. Runs after the web server stopped taking webhooks and the scheduler stopped.
     */
    @PreDestroy
    void stopFastLane() throws InterruptedException {
        fastLane.shutdown();
        if (!fastLane.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            fastLane.shutdownNow();
        }
        heartbeats.shutdownNow();
        forgetter.interrupt();
        forgetter.join(STOP_GRACE.toMillis());
        List<TaskInstanceId> done = new ArrayList<>();
        finished.drainTo(done);
        done.forEach(held::remove);
        forgetAll(done);
        List<TaskInstanceId> left = List.copyOf(held);
        left.forEach(this::handBack);
        if (!left.isEmpty()) {
            log.info("stopping: {} fast-lane tasks handed back to the scheduler", left.size());
        }
    }

    /** Runs {@code instance} as soon as possible; scheduling the same instance twice runs it once. */
    public <T> boolean runOnce(TaskInstance<T> instance) {
        return runOnceAt(instance, clock.instant());
    }

    public <T> boolean runOnceAt(TaskInstance<T> instance, Instant when) {
        boolean scheduled = transactionalClient.scheduleIfNotExists(instance, when);
        if (scheduled && !when.isAfter(clock.instant())) {
            wakeSchedulerAfterCommit();
        }
        return scheduled;
    }

    /**
     * Durable work that should start the moment the caller's transaction commits, without the scheduler's
     * claim, poll and clean-up round trips: {@code instance} is written in the caller's transaction as picked by
     * this node, and after commit {@code work} runs here. When it returns, the row is soon removed. When it
     * throws, or waited in this node's queue longer than {@code queueLimit} (an overload: any node may take it),
     * the row is handed to the scheduler, due at once, and the task's own handling takes over. When this node
     * dies first, the row's heartbeat stops and a scheduler revives it as a dead execution; and a row revived
     * while this node still works on it (a heartbeat missed for seconds) runs twice, so {@code work} must be safe
     * to run twice, as every task is.
     */
    public <T> void runHereAfterCommit(TaskInstance<T> instance, Duration queueLimit, Runnable work) {
        if (!scheduleHeld(instance)) {
            return; // already scheduled: whoever scheduled it runs it
        }
        TaskInstanceId id = TaskInstanceId.of(instance.getTaskName(), instance.getId());
        long queuedAt = System.nanoTime();
        afterCommit(() -> {
            Map<String, String> logFields = MDC.getCopyOfContextMap(); // the ids the caller's log lines carry
            held.add(id);
            try {
                fastLane.execute(() -> {
                    if (System.nanoTime() - queuedAt > queueLimit.toNanos()) {
                        handBack(id); // a backlog this deep: let whichever node is free run it
                        held.remove(id);
                        return;
                    }
                    MDC.setContextMap(logFields == null ? Map.of() : logFields);
                    try {
                        runThenForget(id, work);
                    } finally {
                        MDC.clear();
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                handBack(id);
                held.remove(id);
            }
        });
    }

    private void runThenForget(TaskInstanceId instance, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed on the fast lane, the scheduler retries it: {}", instance, e.toString());
            handBack(instance);
            held.remove(instance);
            return;
        }
        finished.add(instance);
    }

    /**
     * Gives a held row to the schedulers of all nodes, due now: unpicked and with a new version, as
     * db-scheduler's own reschedule leaves a row. Only while this node's first claim stands (version 1).
     */
    private void handBack(TaskInstanceId instance) {
        try {
            jdbc.update("""
                    UPDATE scheduled_tasks SET picked = FALSE, picked_by = NULL, last_heartbeat = NULL, execution_time = ?,
                                               version = version + 1
                    WHERE task_name = ? AND task_instance = ? AND picked_by = ? AND version = 1""",
                    utc(clock.instant()), instance.getTaskName(), instance.getId(), node);
            wake();
        } catch (RuntimeException e) {
            log.warn("{} not handed back; it is revived once its heartbeat is missed: {}", instance, e.toString());
        }
    }

    /** Keeps the heartbeat of every row the fast lane holds, by primary key (no scan, no lock on other rows). */
    private void beat() {
        try {
            List<TaskInstanceId> rows = List.copyOf(held);
            for (int from = 0; from < rows.size(); from += MAX_BATCH) {
                update("UPDATE scheduled_tasks SET last_heartbeat = ? WHERE picked_by = ? AND version = 1 AND",
                        rows.subList(from, Math.min(rows.size(), from + MAX_BATCH)), utc(clock.instant()), node);
            }
        } catch (RuntimeException e) {
            log.warn("fast-lane heartbeats not written: {}", e.toString());
        }
    }

    /**
     * The fast lane's row, in one round trip, written picked by this node with a fresh heartbeat (its first
     * claim, version 1). Its instances are new, so the row is inserted straight away, and only a refused insert
     * means it was there. A failed statement does not spoil a MySQL transaction, so the caller's work goes on.
     */
    private boolean scheduleHeld(TaskInstance<?> instance) {
        String now = utc(clock.instant());
        try {
            jdbc.update("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                                 last_heartbeat, version, priority)
                    VALUES (?, ?, ?, ?, TRUE, ?, ?, 1, ?)""",
                    instance.getTaskName(), instance.getId(), Serializer.DEFAULT_JAVA_SERIALIZER.serialize(instance.getData()),
                    now, node, now, instance.getPriority());
            return true;
        } catch (DuplicateKeyException alreadyScheduled) {
            return false;
        }
    }

    /** Task times as the scheduler writes them: UTC, whatever the JVM's zone, to the microsecond. */
    private static String utc(Instant instant) {
        return TaskTimes.utcMicros(instant);
    }

    /**
     * Removes the rows of finished fast-lane work, as many at a time as have finished within a short window:
     * one statement per batch, not per text. Only while this node's first claim stands: a row revived meanwhile
     * belongs to a scheduler run, which removes it itself. A row left behind (a failed statement, a node stopped
     * in between) is only revived and run once more, finds its work done and goes.
     */
    private void forgetFinished() {
        List<TaskInstanceId> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(finished.take());
                Thread.sleep(FORGET_WINDOW); // taken at once, nearly every batch would hold one row
            } catch (InterruptedException stopping) {
                finished.addAll(batch); // the stopping node removes them itself
                return;
            }
            finished.drainTo(batch, MAX_BATCH - 1);
            forgetAll(batch);
            batch.forEach(held::remove); // after the DELETE: until then its heartbeat must go on
            batch.clear();
        }
    }

    private void forgetAll(List<TaskInstanceId> rows) {
        try {
            update("DELETE FROM scheduled_tasks WHERE picked_by = ? AND version = 1 AND", rows, node);
        } catch (RuntimeException e) {
            log.warn("finished fast-lane rows not removed, they run once more: {}", e.toString());
        }
    }

    /**
     * Runs {@code statement} (ending in "AND") for {@code rows}, one statement per task name, with the rows' ids
     * in an IN list padded to a power of two (a repeated id changes nothing), so the statement takes one of a
     * few shapes, each prepared once per connection, instead of one per batch size.
     */
    private void update(String statement, List<TaskInstanceId> rows, Object... leading) {
        rows.stream().collect(Collectors.groupingBy(TaskInstanceId::getTaskName,
                Collectors.mapping(TaskInstanceId::getId, Collectors.toList()))).forEach((task, ids) -> {
            int slots = Integer.highestOneBit(Math.max(1, ids.size() * 2 - 1));
            Object[] args = new Object[leading.length + 1 + slots];
            System.arraycopy(leading, 0, args, 0, leading.length);
            args[leading.length] = task;
            for (int i = 0; i < slots; i++) {
                args[leading.length + 1 + i] = ids.get(Math.min(i, ids.size() - 1));
            }
            jdbc.update(statement + " task_name = ? AND task_instance IN ("
                    + String.join(", ", Collections.nCopies(slots, "?")) + ")", args);
        });
    }

    private void wakeSchedulerAfterCommit() {
        afterCommit(this::wake);
    }

    /** Runs {@code action} once the caller's transaction commits (never, if it rolls back), or now without one. */
    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void wake() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }
}
