package io.redial.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * This process's name in {@code picked_by}: unique per process, not per host (db-scheduler's default),
     * since two nodes may share a host and the fast lane keeps the heartbeats of the rows it holds by this name.
     */
    @Bean
    SchedulerName schedulerName() {
        String host = System.getenv().getOrDefault("HOSTNAME", "");
        if (host.isBlank()) {
            host = new SchedulerName.Hostname().getName();
        }
        String pid = "-" + ProcessHandle.current().pid();
        return new SchedulerName.Fixed(host.substring(0, Math.min(host.length(), 50 - pid.length())) + pid);
    }

    /**
     * Failover in seconds: every node writes the heartbeat of what it runs each {@code heartbeat}, and any node
     * revives an execution whose heartbeat is {@code missed-heartbeats} beats old (checked every two beats), then
     * runs it at its next poll. With 0.5 s, 6 (3 s; db-scheduler wants at least 4) and a 1 s poll, a killed node's
     * work runs elsewhere 3 to 5 s later, and a live node must miss six beats in a row to be taken for dead.
     */
    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerName name,
            @Value("${redial.jobs.threads:20}") int threads,
            @Value("${redial.jobs.polling-interval:PT1S}") Duration pollingInterval,
            @Value("${redial.jobs.heartbeat:PT0.5S}") Duration heartbeat,
            @Value("${redial.jobs.missed-heartbeats:6}") int missedHeartbeats,
            ObjectProvider<ExecutionInterceptor> interceptors) {
        // Recurring tasks (the retention purge, say) are scheduled at start; one node runs each at a time.
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(RecurringTask.class::cast).toList();
        var builder = Scheduler.create(dataSource, tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList());
        interceptors.orderedStream().forEach(builder::addExecutionInterceptor); // the app's: log fields and run times per task
        return builder
                .startTasks(recurring)
                .schedulerName(name)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .enableImmediateExecution()
                .enablePriority()
                .jdbcCustomization(new TaskTimes(new AutodetectJdbcCustomization(dataSource, true)))
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
