package io.redial.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * db-scheduler is the single engine for durable work. Its Boot starter does not configure itself under
 * Boot 4, so the scheduler is built here and started as a lifecycle bean, i.e. after Flyway has migrated.
 * Several nodes can share one database: executions are claimed with optimistic locks on the task row.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks,
            @Value("${redial.jobs.threads:20}") int threads,
            @Value("${redial.jobs.polling-interval:PT2S}") Duration pollingInterval) {
        // Recurring tasks are scheduled at start (one row each, so one run per period across all nodes).
        List<RecurringTask<?>> recurring = tasks.stream().filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        return Scheduler.create(dataSource, tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList())
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                // A node killed mid-task is noticed after 6 missed beats (12 s) and its work revived elsewhere.
                .heartbeatInterval(Duration.ofSeconds(2))
                .enableImmediateExecution()
                .enablePriority()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    /** Starts last and stops first, so no task runs against a half-started or closing context. */
    private static final class SchedulerLifecycle implements SmartLifecycle {
        private final Scheduler scheduler;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void start() {
            scheduler.start();
            running = true;
        }

        @Override
        public void stop() {
            scheduler.stop();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        /** A stopped db-scheduler cannot start again, so a paused (cached) test context must not stop it. */
        @Override
        public boolean isPauseable() {
            return false;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 100;
        }
    }
}
