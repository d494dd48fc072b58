package io.redial.crm.sync;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key rotation without downtime: start every node with the new {@code REDIAL_ENCRYPTION_KEY} and the old one in
 * {@code REDIAL_ENCRYPTION_PREVIOUS_KEYS}; both open secrets, new ones are sealed with the new key, and this
 * recurring task (one node at a time, {@code redial.encryption.reseal-every}, hourly) re-seals what the old key
 * sealed. Once the log says nothing is left (or {@code key_id} in {@code crm_connections} shows only the new
 * key's id), the old key can be dropped.
 */
@Configuration(proxyBeanMethods = false)
class SecretRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretRotation.class);

    @Bean
    RecurringTask<Void> secretRotationTask(CrmConnections connections,
            @Value("${redial.encryption.reseal-every:PT1H}") Duration every) {
        return Tasks.recurring("secret-reseal", FixedDelay.of(every)).execute((instance, context) -> {
            int resealed = connections.resealWithCurrentKey();
            if (resealed > 0) {
                log.info("re-sealed {} stored CRM credentials with the current encryption key", resealed);
            }
        });
    }
}
