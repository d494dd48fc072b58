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
 * Keeps each sender (a number or a Messaging Service) under its carrier rate. A first text (a missed call's
 * text-back) reserves the sender's next free slot; follow-ups and conversation replies wait in a second lane and
 * take a slot only when it is free at their turn, so a backlog of them never pushes a missed caller's text back.
 * One atomic statement on the sender's row makes the pace hold across all app nodes.
 */
@Component
class SenderPacing {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SenderPacing(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return when this first text may go: now, or a later slot when the sender is busy with first texts */
    public Instant reserve(String sender, int perMinute) {
        return next(sender, perMinute, "next_slot_ms = LAST_INSERT_ID(GREATEST(next_slot_ms, ?) + ?)");
    }

    /**
     * A follow-up's or reply's turn in the sender's second lane: when it may try for a slot ({@link #takeIfFree}).
     * It takes none: first texts queued meanwhile still go ahead of it.
     */
    Instant queueLater(String sender, int perMinute) {
        return next(sender, perMinute,
                "next_later_ms = LAST_INSERT_ID(GREATEST(next_later_ms, next_slot_ms, ?) + ?)");
    }

    /** Takes the sender's slot for a follow-up or reply whose turn came, if no first text holds it. */
    boolean takeIfFree(String sender, int perMinute) {
        long now = clock.millis();
        // The same 50 ms early as TextSender.isDue, so a text woken on time finds its slot free.
        return jdbc.update("""
                UPDATE sender_pacing SET next_slot_ms = GREATEST(next_slot_ms, ?) + ?
                WHERE sender = ? AND next_slot_ms <= ?""", now, gap(perMinute), sender, now + 50) == 1;
    }

    private static long gap(int perMinute) {
        return Duration.ofMinutes(1).toMillis() / Math.max(1, perMinute);
    }

    private Instant next(String sender, int perMinute, String update) {
        long now = clock.millis();
        long gap = gap(perMinute);
        // A single statement takes the row's exclusive lock and moves the pace on (no SELECT FOR UPDATE round
        // trips). Inside a transaction (a text-back's decision) the lock lasts until its commit, so callers reserve
        // last, just before they write the text. LAST_INSERT_ID(expr) hands the new value back in the statement's
        // own answer (the server's OK packet, as for an AUTO_INCREMENT id), so no second round trip reads it; a
        // fresh row (one affected row) means the sender was idle and the slot is now.
        return jdbc.execute((ConnectionCallback<Instant>) connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO sender_pacing (sender, next_slot_ms, next_later_ms) VALUES (?, ?, ?)
                    ON DUPLICATE KEY UPDATE\s""" + update,
                    Statement.RETURN_GENERATED_KEYS)) {
                // A fresh row: a first text took the slot now; a later text only its turn (it takes the slot next).
                boolean first = update.startsWith("next_slot_ms");
                upsert.setString(1, sender);
                upsert.setLong(2, first ? now + gap : 0);
                upsert.setLong(3, first ? 0 : now + gap);
                upsert.setLong(4, now);
                upsert.setLong(5, gap);
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
