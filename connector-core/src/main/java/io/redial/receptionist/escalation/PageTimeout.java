package io.redial.receptionist.escalation;

import io.redial.receptionist.ReceptionistProfiles;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.redial.shared.TenantId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The durable timer of one rung of the on-call ladder: when it fires unacknowledged, the next rung is paged. */
@Configuration(proxyBeanMethods = false)
public class PageTimeout {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("on-call-page-timeout", String.class);

    static TaskInstance<String> instance(TenantId tenant, long escalationId, int step) {
        return TASK.instance(escalationId + ":" + step).data(tenant.value() + ":" + escalationId + ":" + step).build();
    }

    @Bean
    OneTimeTask<String> onCallPageTimeoutTask(OnCallPaging paging, ReceptionistProfiles profiles) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            String[] parts = instance.getData().split(":");
            TenantId tenant = new TenantId(parts[0]);
            profiles.find(tenant).ifPresent(p -> paging.timedOut(p, Long.parseLong(parts[1]), Integer.parseInt(parts[2])));
        });
    }
}
