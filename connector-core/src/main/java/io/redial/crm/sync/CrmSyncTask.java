package io.redial.crm.sync;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that runs one unit of sync work. Each try is its own task instance (work id plus
 * due time), so a retry can be scheduled while the current try is still finishing.
 */
@Configuration(proxyBeanMethods = false)
class CrmSyncTask {

    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("crm-sync", Long.class);
    /** Below first-contact texts: a CRM write may wait, a caller may not. */
    static final int PRIORITY = 0;

    static TaskInstance<Long> instance(long workId, Instant due) {
        return TASK.instance(workId + "@" + due.toEpochMilli()).data(workId).priority(PRIORITY).build();
    }

    @Bean
    OneTimeTask<Long> crmSyncOneTimeTask(CrmSync sync, SyncWork work) {
        // Only unexpected errors (a bug, the database away) land here; CRM outcomes are handled by CrmSync.
        var retries = new FailureHandler.MaxRetriesFailureHandler<Long>(8,
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(5), 2.0),
                (complete, ops) -> work.find((Long) complete.getExecution().taskInstance.getData())
                        .ifPresent(item -> work.markFailed(item, "internal error: see the application log")));
        return Tasks.oneTime(TASK).onFailure(retries).execute((instance, context) -> sync.run(instance.getData()));
    }
}
