package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable task that hands one ledger row to the carrier (see {@link TextSender}). A paced text is
 * rescheduled to its slot; a carrier hiccup or outage is retried as {@link SendRetries} plans (the first within
 * the 60-second promise, then about a minute apart for 15 minutes, the admin told after two); only then is the
 * text marked failed and a call-back asked for.
 */
@Configuration(proxyBeanMethods = false)
public class SendText {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SendText.class);

    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("send-text", Long.class);
    /** First contact goes before follow-ups when the queue is deep. */
    public static final int FIRST_CONTACT_PRIORITY = 10;

    public static TaskInstance<Long> instance(long messageId, int priority) {
        return TASK.instance(String.valueOf(messageId)).data(messageId).priority(priority).build();
    }

    @Bean
    SendRetries sendRetries(@Value("${redial.texts.retry.first:PT1S}") Duration first,
            @Value("${redial.texts.retry.max-backoff:PT1M}") Duration maxBackoff,
            @Value("${redial.texts.retry.give-up-after:PT15M}") Duration giveUpAfter,
            @Value("${redial.texts.retry.notice-after:PT2M}") Duration noticeAfter) {
        return new SendRetries(first, maxBackoff, giveUpAfter, noticeAfter);
    }

    @Bean
    CustomTask<Long> sendTextTask(TextSender sender, SendRetries plan) {
        FailureHandler<Long> retries = (complete, ops) -> {
            int failures = complete.getExecution().consecutiveFailures + 1;
            long messageId = Long.parseLong(complete.getExecution().taskInstance.getId());
            if (plan.givesUpAt(failures)) {
                ops.stop();
                sender.giveUp(messageId);
                return;
            }
            if (plan.tellsAdminAt(failures)) {
                sender.stillNotTaken(messageId, plan.waitedAfter(failures - 1), plan.giveUpAfter());
            }
            log.info("text {}: {} failed attempts in a row, next in {}", messageId, failures, plan.delayAfter(failures));
            ops.reschedule(complete, complete.getTimeDone().plus(plan.delayAfter(failures)));
        };
        return Tasks.custom(TASK).onFailure(retries).execute((instance, context) -> {
            Instant later = sender.send(instance.getData());
            if (later == null) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, ops) -> ops.reschedule(complete, later);
        });
    }
}
