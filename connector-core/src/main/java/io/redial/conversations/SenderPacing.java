package io.redial.conversations;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each sender (a number or a Messaging Service) under its carrier rate: every text reserves the
 * sender's next free slot. One atomic upsert on the sender's row makes the pace hold across all app nodes.
 */
@Component
class SenderPacing {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SenderPacing(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return when this text may go: now, or a later slot when the sender is busy */
    public Instant reserve(String sender, int perMinute) {
        long now = clock.millis();
        long gap = Duration.ofMinutes(1).toMillis() / Math.max(1, perMinute);
        // A single statement takes the row's exclusive lock and moves the pace on (no SELECT FOR UPDATE round
        // trips). Inside a transaction (a text-back's decision) the lock lasts until its commit, so callers reserve
        // last, just before they write the text. LAST_INSERT_ID(expr) hands the new value back in the statement's
        // own answer (the server's OK packet, as for an AUTO_INCREMENT id), so no second round trip reads it; a
        // fresh row (one affected row) means the sender was idle and the slot is now.
        return jdbc.execute((ConnectionCallback<Instant>) connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO sender_pacing (sender, next_slot_ms) VALUES (?, ?)
                    ON DUPLICATE KEY UPDATE next_slot_ms = LAST_INSERT_ID(GREATEST(next_slot_ms, ?) + ?)""",
                    Statement.RETURN_GENERATED_KEYS)) {
                upsert.setString(1, sender);
                upsert.setLong(2, now + gap);
                upsert.setLong(3, now);
                upsert.setLong(4, gap);
                if (upsert.executeUpdate() == 1) {
                    return Instant.ofEpochMilli(now);
                }
                try (ResultSet slot = upsert.getGeneratedKeys()) { // first key: the LAST_INSERT_ID the server sent
                    slot.next();
                    return Instant.ofEpochMilli(slot.getLong(1) - gap);
                }
            }
        });
    }
}
