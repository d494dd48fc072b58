package io.redial.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
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

    private final SchedulerClient transactionalClient;
    private final ObjectProvider<Scheduler> scheduler;
    private final Clock clock;

    DurableJobs(DataSource dataSource, ObjectProvider<Scheduler> scheduler, Clock clock) {
        // Joins the Spring transaction of whoever schedules. It only writes rows, so it needs no task
        // list, which keeps task handlers free to schedule further work.
        // Timestamps in UTC, as the Scheduler writes them: a JVM in another zone must not shift task times.
        DataSource transactional = new TransactionAwareDataSourceProxy(dataSource);
        this.transactionalClient = SchedulerClient.Builder.create(transactional)
                .jdbcCustomization(new AutodetectJdbcCustomization(transactional, true))
                .enablePriority()
                .build();
        this.scheduler = scheduler;
        this.clock = clock;
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

    private void wakeSchedulerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        Scheduler running = scheduler.getIfAvailable();
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }
}
