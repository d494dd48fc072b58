package io.redial.receptionist;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Anna's durable tasks. A turn task exists per caller text, so no text is left unanswered by a crash; it takes
 * its conversation's turn under the conversation lease ({@link ReceptionistTurns#take}), so turns run one at a
 * time, in order, on any number of nodes. A task that finds another driving the conversation, or the
 * conversation's next turn not due, is simply run again later: a completion, not a failure, so a flood of
 * texts costs no retries. A turn that keeps failing gets a hand-off text instead of silence.
 */
@Configuration(proxyBeanMethods = false)
class ReceptionistTasks {

    private static final Logger log = LoggerFactory.getLogger(ReceptionistTasks.class);

    static final TaskDescriptor<String> TURN = TaskDescriptor.of("receptionist-turn", String.class);

    static TaskInstance<String> turn(TenantId tenant, long conversationId, long messageId) {
        return TURN.instance(String.valueOf(messageId)).data(tenant.value() + ":" + conversationId)
                .priority(5).build();
    }

    @Bean
    CustomTask<String> receptionistTurnTask(ReceptionistTurns turns, TurnRescue rescue) {
        FailureHandler<String> failures = (complete, ops) -> {
            Throwable cause = complete.getCause().orElse(null);
            int failed = complete.getExecution().consecutiveFailures;
            if (failed < 3) {
                log.warn("turn task {} failed ({}), retrying", complete.getExecution().taskInstance.getId(), String.valueOf(cause));
                ops.reschedule(complete, Instant.now().plus(Duration.ofSeconds(1L << failed)));
            } else {
                String[] data = ((String) complete.getExecution().taskInstance.getData()).split(":");
                rescue.handOffPending(new TenantId(data[0]), Long.parseLong(data[1]));
                ops.remove();
            }
        };
        return Tasks.custom(TURN).onFailure(failures).execute((instance, context) -> {
            String[] data = instance.getData().split(":");
            Instant again = turns.take(new TenantId(data[0]), Long.parseLong(data[1]), "turn-task:" + instance.getId());
            if (again == null) {
                return new CompletionHandler.OnCompleteRemove<>();
            }
            return (complete, ops) -> ops.reschedule(complete, again);
        });
    }

    @Bean
    OneTimeTask<String> conversationIdleCloseTask(IdleClose idle) {
        return Tasks.oneTime(IdleClose.TASK).execute((instance, context) -> {
            String[] data = instance.getData().split(":");
            idle.check(new TenantId(data[0]), Long.parseLong(data[1]));
        });
    }
}
