package io.redial.conversations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
        long now = clock.millis();
        // Takes the row's exclusive lock at once (INSERT IGNORE would take a shared one first, and two senders
        // upgrading their shared locks deadlock).
        jdbc.sql("INSERT INTO sender_pacing (sender, next_slot_ms) VALUES (?, ?) ON DUPLICATE KEY UPDATE sender = sender")
                .params(sender, now).update();
        long next = jdbc.sql("SELECT next_slot_ms FROM sender_pacing WHERE sender = ? FOR UPDATE")
                .param(sender).query(Long.class).single();
        long slot = Math.max(next, now);
        long gap = Duration.ofMinutes(1).toMillis() / Math.max(1, perMinute);
        jdbc.sql("UPDATE sender_pacing SET next_slot_ms = ? WHERE sender = ?").params(slot + gap, sender).update();
        return Instant.ofEpochMilli(slot);
    }
}
