package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that hands one ledger row to the carrier (see {@link TextSender}). A paced text is
 * rescheduled to its slot; a carrier hiccup is retried with backoff inside the 60-second promise, then
 * the text is marked failed and the admin told.
 */
@Configuration(proxyBeanMethods = false)
public class SendText {

    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("send-text", Long.class);
    /** First contact goes before follow-ups when the queue is deep. */
    public static final int FIRST_CONTACT_PRIORITY = 10;

    public static TaskInstance<Long> instance(long messageId, int priority) {
        return TASK.instance(String.valueOf(messageId)).data(messageId).priority(priority).build();
    }

    @Bean
    CustomTask<Long> sendTextTask(TextSender sender) {
        // 1 + 2 + 4 + 8 + 16 s: five retries fit inside the 60-second promise.
        var retries = new FailureHandler.MaxRetriesFailureHandler<Long>(5,
                new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(1), 2.0),
                (complete, ops) -> sender.giveUp(complete.getExecution().taskInstance.getData() instanceof Long id
                        ? id : Long.parseLong(complete.getExecution().taskInstance.getId())));
        return Tasks.custom(TASK).onFailure(retries).execute((instance, context) -> {
            Instant later = sender.send(instance.getData());
            if (later == null) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, ops) -> ops.reschedule(complete, later);
        });
    }
}
