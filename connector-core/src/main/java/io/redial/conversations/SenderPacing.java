package io.redial.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each sender (a number or a Messaging Service) under its carrier rate: every text reserves the
 * sender's next free slot. The row lock makes the pace hold across all app nodes.
 */
@Component
class SenderPacing {

    private final JdbcClient jdbc;
    private final Clock clock;

    SenderPacing(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return when this text may go: now, or a later slot when the sender is busy */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Instant reserve(String sender, int perMinute) {
        Instant now = clock.instant();
        jdbc.sql("INSERT IGNORE INTO sender_pacing (sender, next_slot_at) VALUES (?, ?)").params(sender, utc(now)).update();
        LocalDateTime next = jdbc.sql("SELECT next_slot_at FROM sender_pacing WHERE sender = ? FOR UPDATE")
                .param(sender).query(LocalDateTime.class).single();
        Instant slot = next.toInstant(ZoneOffset.UTC).isAfter(now) ? next.toInstant(ZoneOffset.UTC) : now;
        Duration gap = Duration.ofMillis(60_000L / Math.max(1, perMinute));
        jdbc.sql("UPDATE sender_pacing SET next_slot_at = ? WHERE sender = ?").params(utc(slot.plus(gap)), sender).update();
        return slot;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
