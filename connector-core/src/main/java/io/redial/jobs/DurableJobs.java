package io.redial.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
public class DurableJobs {

    private static final Logger log = LoggerFactory.getLogger(DurableJobs.class);
    private static final int MAX_FORGET_BATCH = 256;
    /** How long the forgetter gathers finished rows before one DELETE: at load, one statement per many texts. */
    private static final Duration FORGET_WINDOW = Duration.ofMillis(250);

    private final SchedulerClient transactionalClient;
    private final ObjectProvider<Scheduler> scheduler;
    private final JdbcTemplate jdbc;
    private final ExecutorService fastLane;
    /** Rows of fast-lane work that finished, removed in batches by one thread (see {@link #forgetFinished}). */
    private final BlockingQueue<TaskInstanceId> finished = new LinkedBlockingQueue<>();
    private final Thread forgetter;
    private final Clock clock;

    DurableJobs(DataSource dataSource, ObjectProvider<Scheduler> scheduler, Clock clock,
            @Value("${redial.jobs.fast-lane-threads:3}") int fastLaneThreads) {
        // Joins the Spring transaction of whoever schedules. It only writes rows, so it needs no task
        // list, which keeps task handlers free to schedule further work.
        // Timestamps in UTC, as the Scheduler writes them: a JVM in another zone must not shift task times.
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        this.transactionalClient = SchedulerClient.Builder.create(transactional)
                .jdbcCustomization(new AutodetectJdbcCustomization(transactional, true))
                .enablePriority()
                .build();
        this.scheduler = scheduler;
        this.jdbc = new JdbcTemplate(dataSource);
        // First come, first served; a queue that outgrows its backstop is still safe (see runHereAfterCommit).
        this.fastLane = Executors.newFixedThreadPool(fastLaneThreads, Thread.ofPlatform().name("fast-lane-", 1).factory());
        this.forgetter = Thread.ofPlatform().name("fast-lane-forget").daemon().start(this::forgetFinished);
        this.clock = clock;
    }

    @PreDestroy
    void stopFastLane() {
        fastLane.shutdownNow(); // whatever had not run keeps its backstop row
        forgetter.interrupt(); // rows not yet removed run once more, find their work done, and go
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
     * claim, poll and clean-up round trips: {@code instance} is scheduled {@code backstop} from now in the
     * caller's transaction, and after commit {@code work} runs on this node. When it returns, the row is soon
     * removed, unless the scheduler has claimed it meanwhile (a backlog longer than the backstop, or another
     * node): then that run goes on too, so {@code work} must be safe to run twice, as every task is. When
     * it throws, the row is made due at once and the task's own failure handling takes over. When this node
     * dies first, the row is still there, and the scheduler runs it after {@code backstop}; so it does when
     * {@code work} waited in this node's queue for half of {@code backstop} (an overload: it is left to the
     * scheduler rather than run twice).
     */
    public <T> void runHereAfterCommit(TaskInstance<T> instance, Duration backstop, Runnable work) {
        if (!scheduleNew(instance, clock.instant().plus(backstop))) {
            return; // already scheduled: whoever scheduled it runs it
        }
        long queuedAt = System.nanoTime();
        afterCommit(() -> fastLane.execute(() -> {
            if (System.nanoTime() - queuedAt > backstop.toNanos() / 2) {
                return; // a backlog this deep: the scheduler's run is due soon, and two runs would only add load
            }
            runThenForget(instance, work);
        }));
    }

    private void runThenForget(TaskInstance<?> instance, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.warn("{} failed on the fast lane, the scheduler retries it: {}", instance, e.toString());
            jdbc.update("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = ? AND task_instance = ? AND picked = FALSE",
                    utc(clock.instant()), instance.getTaskName(), instance.getId());
            wake();
            return;
        }
        finished.add(instance);
    }

    /**
     * {@code scheduleIfNotExists} in one round trip where it matters: the fast lane's instances are new, so the
     * row is inserted straight away, as the client writes it (its check-then-insert is two round trips, and its
     * batch insert three), and only a refused insert means it was there. A failed statement does not spoil a
     * MySQL transaction, so the caller's work goes on.
     */
    private boolean scheduleNew(TaskInstance<?> instance, Instant when) {
        try {
            jdbc.update("""
                    INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority)
                    VALUES (?, ?, ?, ?, FALSE, 1, ?)""",
                    instance.getTaskName(), instance.getId(), Serializer.DEFAULT_JAVA_SERIALIZER.serialize(instance.getData()),
                    utc(when), instance.getPriority());
            return true;
        } catch (DuplicateKeyException alreadyScheduled) {
            return false;
        }
    }

    /** Task times as the scheduler writes them: UTC, whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Removes the rows of finished fast-lane work, as many at a time as have finished within a short window:
     * one statement per batch, not per text. Only while unclaimed: a claimed row belongs to a scheduler run,
     * which removes it itself. A row left behind (a failed statement, a node stopped in between) is only run once
     * more, finds its work done and goes.
     */
    private void forgetFinished() {
        List<TaskInstanceId> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(finished.take());
                Thread.sleep(FORGET_WINDOW); // taken at once, nearly every batch would hold one row
            } catch (InterruptedException stopping) {
                return;
            }
            finished.drainTo(batch, MAX_FORGET_BATCH - 1);
            batch.stream().collect(Collectors.groupingBy(TaskInstanceId::getTaskName,
                    Collectors.mapping(TaskInstanceId::getId, Collectors.toList())))
                    .forEach(this::forget);
            batch.clear();
        }
    }

    private void forget(String task, List<String> ids) {
        // The IN list is padded to a power of two (a repeated id changes nothing), so the statement takes one of
        // a few shapes, each prepared once per connection, instead of one per batch size.
        int slots = Integer.highestOneBit(Math.max(1, ids.size() * 2 - 1));
        Object[] args = new Object[1 + slots];
        args[0] = task;
        for (int i = 0; i < slots; i++) {
            args[1 + i] = ids.get(Math.min(i, ids.size() - 1));
        }
        try {
            jdbc.update("DELETE FROM scheduled_tasks WHERE task_name = ? AND picked = FALSE AND task_instance IN ("
                    + String.join(", ", Collections.nCopies(slots, "?")) + ")", args);
        } catch (RuntimeException e) {
            log.warn("finished fast-lane rows of {} not removed, they run once more: {}", task, e.toString());
        }
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
