package io.redial.receptionist;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
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
 * Anna's durable tasks. A turn task exists per caller text; it drains its conversation's inbox under the
 * conversation lease, so turns run one at a time and in order on any number of nodes. A busy lease is
 * retried shortly; a turn that keeps failing gets a hand-off text instead of silence.
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
    OneTimeTask<String> receptionistTurnTask(ReceptionistTurns turns, TurnRescue rescue) {
        FailureHandler<String> failures = (complete, ops) -> {
            Throwable cause = complete.getCause().orElse(null);
            int failed = complete.getExecution().consecutiveFailures;
            if (cause instanceof ReceptionistTurns.LeaseBusy) {
                ops.reschedule(complete, Instant.now().plusMillis(250));
            } else if (failed < 3) {
                log.warn("turn task {} failed ({}), retrying", complete.getExecution().taskInstance.getId(), String.valueOf(cause));
                ops.reschedule(complete, Instant.now().plus(Duration.ofSeconds(1L << failed)));
            } else {
                String[] data = ((String) complete.getExecution().taskInstance.getData()).split(":");
                rescue.handOffPending(new TenantId(data[0]), Long.parseLong(data[1]));
                ops.remove();
            }
        };
        return Tasks.oneTime(TURN).onFailure(failures).execute((instance, context) -> {
            String[] data = instance.getData().split(":");
            turns.drain(new TenantId(data[0]), Long.parseLong(data[1]));
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
