package io.redial.calls;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Decides a call whose caller hung up before the dial result arrived. Runs a few seconds after the final
 * status, so a dial result that was merely late still wins; a call decided meanwhile is left alone.
 */
@Configuration(proxyBeanMethods = false)
class DecideCall {

    static final int GRACE_SECONDS = 4;
    static final TaskDescriptor<Long> TASK = TaskDescriptor.of("decide-call", Long.class);

    static TaskInstance<Long> instance(long callId) {
        return TASK.instance(String.valueOf(callId)).data(callId).build();
    }

    @Bean
    OneTimeTask<Long> decideCallTask(CallIntake intake) {
        return Tasks.oneTime(TASK).execute((instance, context) -> intake.decideLater(instance.getData()));
    }
}
