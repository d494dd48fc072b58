package io.redial.conversations;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention setting ({@code redial.retention.message-bodies}, e.g. {@code P90D}; empty keeps them): the body
 * of every text older than that, in and out, is replaced by {@link #REMOVED}, while the row stays with its
 * direction, purpose, state, numbers and times, so counts, delivery and time-to-text statistics, the dedupe
 * window and opt-outs are unchanged. Runs hourly on one node (a recurring task), in small batches per tenant
 * along the tenant-and-date index, so it never holds many rows locked.
 */
@Configuration(proxyBeanMethods = false)
class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);
    static final String REMOVED = "[removed after the retention period]";
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keepBodies;

    MessageRetention(JdbcClient jdbc, Clock clock, @Value("${redial.retention.message-bodies:}") Duration keepBodies) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keepBodies = keepBodies;
    }

    @Bean
    RecurringTask<Void> messageRetentionTask() {
        return Tasks.recurring("message-retention", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> purge());
    }

    /** @return how many bodies were removed */
    int purge() {
        if (keepBodies == null || keepBodies.isZero() || keepBodies.isNegative()) {
            return 0;
        }
        LocalDateTime before = LocalDateTime.ofInstant(clock.instant().minus(keepBodies), ZoneOffset.UTC);
        int removed = 0;
        List<String> tenants = jdbc.sql("SELECT id FROM tenants").query(String.class).list();
        for (String tenant : tenants) {
            int batch;
            do {
                batch = jdbc.sql("""
                        UPDATE messages SET body = ? WHERE tenant_id = ? AND created_at < ? AND body <> ?
                        ORDER BY created_at LIMIT %d""".formatted(BATCH))
                        .params(REMOVED, tenant, before, REMOVED).update();
                removed += batch;
            } while (batch == BATCH);
        }
        if (removed > 0) {
            log.info("retention: removed the bodies of {} texts older than {}", removed, keepBodies);
        }
        return removed;
    }
}
