package io.redial.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable-job scheduler for the readiness probe (a node whose scheduler stopped runs no text-backs), and
 * two gauges of the shared queue: how much work is due and not picked by any node, and how long the oldest
 * has waited. A growing age means the nodes do not keep up (docs/operations.md says what to do).
 */
@Component("schedulerHealthIndicator") // reported as "scheduler"
class SchedulerHealth implements HealthIndicator {

    private static final String DUE = """
            SELECT COUNT(*) AS due, COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(execution_time), UTC_TIMESTAMP(6)), 0) AS age_us
            FROM scheduled_tasks WHERE picked = FALSE AND execution_time <= UTC_TIMESTAMP(6)""";

    private final Scheduler scheduler;
    private final JdbcClient jdbc;

    SchedulerHealth(Scheduler scheduler, JdbcClient jdbc, MeterRegistry meters) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        Gauge.builder("redial.jobs.due", this, h -> h.queue().due()).description("durable tasks due and not picked")
                .register(meters);
        Gauge.builder("redial.jobs.oldest.due.age", this, h -> h.queue().ageSeconds()).baseUnit("seconds")
                .description("how long the oldest due, unpicked task has waited").register(meters);
    }

    record Queue(long due, double ageSeconds) {
    }

    Queue queue() {
        return jdbc.sql(DUE).query((rs, n) -> new Queue(rs.getLong("due"), Math.max(0, rs.getLong("age_us")) / 1e6))
                .single();
    }

    @Override
    public Health health() {
        var state = scheduler.getSchedulerState();
        Queue queue = queue();
        Health.Builder health = state.isStarted() && !state.isShuttingDown() && !state.isPaused()
                ? Health.up() : Health.down();
        return health.withDetail("started", state.isStarted()).withDetail("shuttingDown", state.isShuttingDown())
                .withDetail("due", queue.due()).withDetail("oldestDueSeconds", queue.ageSeconds()).build();
    }
}
