package io.redial.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A task paced to a time within a second runs at that time, once: on MariaDB before 11 the driver dropped the
 * fraction of every task time, so a task rescheduled to 12:00:00.9 was due at 12:00:00 and ran again and
 * again until its time came (a paced text's task did that for most of each second it waited).
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
@Import(SubSecondTaskTimesIntegrationTests.PacedTask.class)
class SubSecondTaskTimesIntegrationTests {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("sub-second-test", String.class);
    static final List<Instant> runs = new CopyOnWriteArrayList<>();
    static volatile Instant pacedTo = Instant.EPOCH;

    @TestConfiguration
    static class PacedTask {
        /** Like a paced text: the first run finds its slot not yet come and reschedules itself to the slot. */
        @Bean
        CustomTask<String> subSecondTestTask() {
            return Tasks.custom(TASK).execute((instance, context) -> {
                runs.add(Instant.now());
                if (Instant.now().isBefore(pacedTo)) {
                    return (complete, ops) -> ops.reschedule(complete, pacedTo);
                }
                return new CompletionHandler.OnCompleteRemove<>();
            });
        }
    }

    @Autowired DurableJobs jobs;
    @Autowired JdbcClient jdbc;

    @Test
    void aTaskTimeKeepsItsMicroseconds() {
        Instant when = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusNanos(964_123_000);
        jobs.runOnceAt(TASK.instance("stored").data("stored").build(), when);
        LocalDateTime stored = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = 'stored'")
                .param(TASK.getTaskName()).query(LocalDateTime.class).single();
        jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name = ?").param(TASK.getTaskName()).update();
        assertThat(stored).isEqualTo(LocalDateTime.ofInstant(when, ZoneOffset.UTC));
    }

    @Test
    void aTaskPacedWithinASecondRunsOnceMoreAtItsTimeNotOverAndOver() {
        runs.clear();
        // Late in the next second, so the fraction a driver might drop is most of a second.
        pacedTo = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusMillis(900);
        jobs.runOnce(TASK.instance("paced").data("paced").build());
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND task_instance = 'paced'")
                .param(TASK.getTaskName()).query(Integer.class).single() == 0);
        assertThat(runs).as("runs: %s, paced to %s", runs, pacedTo).hasSize(2);
        assertThat(runs.getLast()).isAfterOrEqualTo(pacedTo);
    }
}
