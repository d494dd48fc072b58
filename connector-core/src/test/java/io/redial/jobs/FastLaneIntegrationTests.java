package io.redial.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fast lane runs durable work the moment its transaction commits, with the scheduler's row as the
 * backstop: against the real database and the real scheduler, the row goes when the work is done, never
 * exists for a rolled-back transaction, becomes due at once when the work fails or waited too long, keeps its
 * heartbeat while the work runs, is revived when its node stops beating, and stays for the scheduler run that
 * revived it.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
@Import(FastLaneIntegrationTests.RecordingTask.class)
class FastLaneIntegrationTests {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("fast-lane-test", String.class);
    /** Long enough that the scheduler never reaches a backstop within a test unless the test makes it due. */
    static final Duration BACKSTOP = Duration.ofMinutes(10);
    static final List<String> scheduledRuns = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class RecordingTask {
        @Bean
        OneTimeTask<String> fastLaneTestTask() {
            return Tasks.oneTime(TASK).execute((instance, context) -> scheduledRuns.add(instance.getData()));
        }
    }

    @Autowired DurableJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void reset() {
        scheduledRuns.clear();
    }

    @Test
    void workRunsRightAfterCommitAndItsBackstopRowGoes() {
        List<String> ran = new CopyOnWriteArrayList<>();
        inTransaction(() -> {
            jobs.runHereAfterCommit(TASK.instance("done").data("done").build(), BACKSTOP, () -> ran.add("done"));
            assertThat(ran).as("not before commit").isEmpty();
            assertThat(row("done")).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("done") && row("done") == 0);
        assertThat(scheduledRuns).isEmpty();
    }

    /** Rows of work that finished together are removed together, whatever the size of the batch. */
    @Test
    void manyFinishedRowsAllGo() {
        List<String> ran = new CopyOnWriteArrayList<>();
        List<String> ids = java.util.stream.IntStream.range(0, 13).mapToObj(i -> "many-" + i).toList();
        inTransaction(() -> ids.forEach(id -> jobs.runHereAfterCommit(TASK.instance(id).data(id).build(), BACKSTOP,
                () -> ran.add(id))));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == ids.size()
                && ids.stream().mapToInt(this::row).sum() == 0);
        assertThat(scheduledRuns).isEmpty();
    }

    /** The backstop row goes in with one INSERT; one already there refuses it, and the transaction goes on. */
    @Test
    void workAlreadyScheduledIsLeftToWhoeverScheduledItAndTheTransactionGoesOn() {
        List<String> ran = new CopyOnWriteArrayList<>();
        inTransaction(() -> jobs.runOnceAt(TASK.instance("twice").data("twice").build(), Instant.now().plusSeconds(3600)));
        inTransaction(() -> {
            jobs.runHereAfterCommit(TASK.instance("twice").data("twice").build(), BACKSTOP, () -> ran.add("twice"));
            jdbc.sql("INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
                    + "VALUES (?, 'after-refusal', ?, FALSE, 1)") // not due: no scheduler run takes it meanwhile
                    .params(TASK.getTaskName(), LocalDateTime.now().plusHours(1)).update();
        });
        assertThat(row("after-refusal")).as("the rest of the transaction committed").isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(ran::isEmpty);
        assertThat(row("twice")).isEqualTo(1);
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ? AND task_instance IN ('twice', 'after-refusal')")
                .param(TASK.getTaskName()).update();
    }

    @Test
    void aRolledBackTransactionRunsNothingAndLeavesNoRow() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jobs.runHereAfterCommit(TASK.instance("rolled-back").data("rolled-back").build(), BACKSTOP,
                    () -> ran.add("rolled-back"));
            status.setRollbackOnly();
        });
        Thread.sleep(500); // the work would have run by now
        assertThat(ran).isEmpty();
        assertThat(row("rolled-back")).isZero();
    }

    @Test
    void workThatFailsIsLeftToTheSchedulerAtOnce() {
        inTransaction(() -> jobs.runHereAfterCommit(TASK.instance("fails").data("fails").build(), BACKSTOP, () -> {
            throw new IllegalStateException("the database went away");
        }));
        // Made due now instead of in ten minutes: the scheduler's own run of the task follows within seconds.
        await().atMost(Duration.ofSeconds(15)).until(() -> scheduledRuns.contains("fails"));
        await().atMost(Duration.ofSeconds(5)).until(() -> row("fails") == 0);
    }

    /** Work that runs longer than the dead-node threshold (6 missed 0.5 s beats) is not revived: its node beats. */
    @Test
    void aHeldRowKeepsItsHeartbeatWhileItsWorkRuns() {
        List<String> ran = new CopyOnWriteArrayList<>();
        inTransaction(() -> jobs.runHereAfterCommit(TASK.instance("slow").data("slow").build(), BACKSTOP, () -> {
            sleepQuietly(Duration.ofSeconds(6));
            ran.add("slow");
        }));
        LocalDateTime first = heartbeatOf("slow");
        await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatOf("slow").isAfter(first));
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.contains("slow") && row("slow") == 0);
        assertThat(scheduledRuns).as("never revived while its node lived").isEmpty();
    }

    /** A node killed mid-work stops beating: any node's scheduler revives its row within seconds and runs it. */
    @Test
    void aRowWhoseNodeStoppedBeatingIsRevivedAndRun() {
        jdbc.sql("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
                                             last_heartbeat, version)
                VALUES (?, 'orphan', ?, ?, TRUE, 'killed-node-1', ?, 1)""")
                .params(TASK.getTaskName(), com.github.kagkarlsson.scheduler.serializer.Serializer.DEFAULT_JAVA_SERIALIZER
                        .serialize("orphan"), LocalDateTime.now(java.time.ZoneOffset.UTC),
                        LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1))
                .update();
        await().atMost(Duration.ofSeconds(15)).until(() -> scheduledRuns.contains("orphan"));
        await().atMost(Duration.ofSeconds(5)).until(() -> row("orphan") == 0);
    }

    /** Work that waited in this node's queue past its limit is handed to the scheduler (any node's), once. */
    @Test
    void workThatWaitedPastItsLimitIsHandedToTheScheduler() {
        List<String> ran = new CopyOnWriteArrayList<>();
        inTransaction(() -> jobs.runHereAfterCommit(TASK.instance("late").data("late").build(), Duration.ZERO,
                () -> ran.add("late")));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledRuns.contains("late") && row("late") == 0);
        assertThat(ran).as("not also run on the fast lane").isEmpty();
    }

    @Test
    void aRowTheSchedulerClaimedMeanwhileIsLeftToIt() throws Exception {
        CountDownLatch claimed = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        inTransaction(() -> jobs.runHereAfterCommit(TASK.instance("claimed").data("claimed").build(), BACKSTOP, () -> {
            awaitQuietly(claimed);
            ran.add("claimed");
        }));
        // Staged: the row was revived (this node's heartbeat missed) and another node's scheduler claimed it,
        // while the fast lane is still at work.
        jdbc.sql("UPDATE scheduled_tasks SET picked = TRUE, picked_by = 'other-node', version = version + 2 WHERE task_name = ? AND task_instance = ?")
                .params(TASK.getTaskName(), "claimed").update();
        claimed.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("claimed"));
        Thread.sleep(300); // a wrongful delete would have happened by now
        assertThat(row("claimed")).as("the claimed row belongs to its scheduler run").isEqualTo(1);
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ?").param(TASK.getTaskName()).update();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private int row(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
                .params(TASK.getTaskName(), id).query(Integer.class).single();
    }

    private LocalDateTime heartbeatOf(String id) {
        return jdbc.sql("SELECT last_heartbeat FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
                .params(TASK.getTaskName(), id).query(LocalDateTime.class).single();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
