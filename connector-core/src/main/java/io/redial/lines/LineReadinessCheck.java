package io.redial.lines;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Re-checks every line's registration on a schedule. A db-scheduler recurring task is one row in the shared
 * database, so however many nodes run, each check runs once, on whichever node picks it.
 */
@Configuration(proxyBeanMethods = false)
class LineReadinessCheck {

    static final String TASK = "line-readiness";
    private static final Logger log = LoggerFactory.getLogger(LineReadinessCheck.class);

    @Bean
    RecurringTask<Void> lineReadinessTask(LineReadiness readiness,
            @Value("${redial.lines.readiness-check-interval:PT6H}") Duration interval) {
        return Tasks.recurring(TASK, new Every(interval)).execute((instance, context) -> {
            int checked = readiness.checkAll();
            log.info("line readiness: {} lines checked", checked);
        });
    }

    /** Every {@code interval}, the first one interval after the task is first scheduled (not at each start). */
    record Every(Duration interval) implements Schedule {

        @Override
        public Instant getNextExecutionTime(ExecutionComplete done) {
            return done.getTimeDone().plus(interval);
        }

        @Override
        public Instant getInitialExecutionTime(Instant now) {
            return now.plus(interval);
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
