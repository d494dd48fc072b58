package io.redial.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Texts sent ({@code redial.texts.sent} by purpose) and each text-back's time-to-text
 * ({@code redial.texts.time.to.text}: from the moment the call was known missed to the carrier taking the text,
 * as the dashboard counts it), read from the send ledger rather than counted by the sender: the call's time is
 * on its row, and the sender never has to read it. A recurring task, so one node at a time reads each window of
 * {@code sent_at} and every text is observed exactly once across the nodes (sum them). The window ends
 * {@link #SETTLE} ago, so a send still committing is read by the next run; the last window's end is the task's
 * own state, kept in its row. A fresh start begins at "now": history is never replayed into the counters.
 */
@Configuration(proxyBeanMethods = false)
class TextsSent {

    static final Duration EVERY = Duration.ofSeconds(5);
    static final Duration SETTLE = Duration.ofSeconds(3);

    @Bean
    RecurringTask<Long> textsSentTask(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        Timer timeToText = Timer.builder("redial.texts.time.to.text")
                .description("a missed call's text-back: from the call known missed to the carrier taking the text")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                .maximumExpectedValue(Duration.ofMinutes(10)).register(meters);
        return Tasks.recurring("texts-sent-meter", FixedDelay.of(EVERY), Long.class).initialData(0L)
                .executeStateful((instance, context) -> {
                    long to = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant().minus(SETTLE));
                    long from = instance.getData() == null || instance.getData() == 0 ? to : instance.getData();
                    if (to <= from) {
                        return from;
                    }
                    jdbc.sql("""
                            SELECT m.purpose, m.purpose = 'textback' AND k.id IS NOT NULL AS textback,
                                   TIMESTAMPDIFF(MICROSECOND, COALESCE(k.decided_at, k.received_at), m.sent_at) AS us
                            FROM messages m LEFT JOIN calls k ON k.id = m.call_id
                            WHERE m.sent_at > ? AND m.sent_at <= ? AND m.direction = 'out'""")
                            .params(utc(from), utc(to))
                            .query(rs -> {
                                Counter.builder("redial.texts.sent").tag("purpose", rs.getString(1)).register(meters)
                                        .increment();
                                if (rs.getBoolean(2)) {
                                    timeToText.record(Math.max(0, rs.getLong(3)), TimeUnit.MICROSECONDS);
                                }
                            });
                    return to;
                });
    }

    private static LocalDateTime utc(long epochMicros) {
        return LocalDateTime.ofInstant(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
