package io.redial.crm.sync;

import io.redial.shared.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code crm_sync_work} table: every event's writes per connection, and how they went. */
@Repository
class SyncWork {

    private final JdbcClient jdbc;
    private final Clock clock;

    SyncWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long add(TenantId tenant, long connectionId, long leadId, SyncKind kind, @Nullable Long conversationId,
            @Nullable Instant slotStart, @Nullable Instant slotEnd, @Nullable String summary, SyncState state) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO crm_sync_work (tenant_id, connection_id, lead_id, kind, conversation_id, slot_start, slot_end,
                       summary, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenant.value(), connectionId, leadId, kind.name(), conversationId, utc(slotStart), utc(slotEnd),
                        summary, state.name(), now(), now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<SyncItem> find(long id) {
        return jdbc.sql("SELECT * FROM crm_sync_work WHERE id = ?").param(id).query(SyncWork::item).optional();
    }

    Optional<SyncItem> find(TenantId tenant, long id) {
        return jdbc.sql("SELECT * FROM crm_sync_work WHERE tenant_id = ? AND id = ?").params(tenant.value(), id)
                .query(SyncWork::item).optional();
    }

    /**
     * Other lead work, transcripts and booked jobs of this connection that are due now, oldest first: what a batch takes along with the item
     * that started it (see {@link CrmSync}).
     */
    List<SyncItem> dueLeadWork(TenantId tenant, long connectionId, long besides, Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM crm_sync_work
                WHERE tenant_id = ? AND connection_id = ? AND state = 'PENDING' AND kind IN ('LEAD', 'TRANSCRIPT', 'JOB') AND id <> ?
                      AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                ORDER BY id LIMIT ?""")
                .params(tenant.value(), connectionId, besides, utc(now), limit).query(SyncWork::item).list();
    }

    /** Those of {@code items} still pending (another worker may have finished some meanwhile), as stored now. */
    List<SyncItem> stillPending(List<SyncItem> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", items.stream().map(i -> "?").toList());
        List<Object> params = new java.util.ArrayList<>();
        params.add(items.getFirst().tenant().value());
        items.forEach(i -> params.add(i.id()));
        return jdbc.sql("SELECT * FROM crm_sync_work WHERE tenant_id = ? AND state = 'PENDING' AND id IN (" + in + ") ORDER BY id")
                .params(params).query(SyncWork::item).list();
    }

    List<SyncItem> inStates(TenantId tenant, List<SyncState> states) {
        String in = String.join(",", states.stream().map(s -> "'" + s.name() + "'").toList()); // enum names only
        return jdbc.sql("SELECT * FROM crm_sync_work WHERE tenant_id = ? AND state IN (" + in + ") ORDER BY id")
                .param(tenant.value()).query(SyncWork::item).list();
    }

    List<Long> blocked(TenantId tenant, long connectionId) {
        return jdbc.sql("SELECT id FROM crm_sync_work WHERE tenant_id = ? AND connection_id = ? AND state = 'BLOCKED' ORDER BY id")
                .params(tenant.value(), connectionId).query(Long.class).list();
    }

    /** Done; the last error, if any, stays for the record. */
    void markDone(SyncItem item) {
        finish(item, SyncState.DONE, item.lastError());
    }

    /** Done, many at once: one statement for a batch's items. */
    void markDone(List<SyncItem> items) {
        if (items.isEmpty()) {
            return;
        }
        String in = String.join(",", items.stream().map(i -> "?").toList());
        List<Object> params = new java.util.ArrayList<>(List.of(now(), items.getFirst().tenant().value()));
        items.forEach(i -> params.add(i.id()));
        jdbc.sql("UPDATE crm_sync_work SET state = 'DONE', next_attempt_at = NULL, updated_at = ? WHERE tenant_id = ? AND id IN ("
                + in + ")").params(params).update();
    }

    void markRejected(SyncItem item, String error) {
        finish(item, SyncState.REJECTED, error);
    }

    void markFailed(SyncItem item, String error) {
        finish(item, SyncState.FAILED, error);
    }

    void markBlocked(SyncItem item, String error) {
        finish(item, SyncState.BLOCKED, error);
    }

    /** A failed try: counted, with when the next one runs. */
    void retryLater(SyncItem item, Instant next, String error) {
        jdbc.sql("""
                UPDATE crm_sync_work SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(error, utc(next), now(), item.tenant().value(), item.id()).update();
    }

    /** Put back in the queue without counting a try (our own rate limit said "later"). */
    void postpone(SyncItem item, Instant next) {
        jdbc.sql("UPDATE crm_sync_work SET next_attempt_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ?")
                .params(utc(next), now(), item.tenant().value(), item.id()).update();
    }

    /** Back to the queue from REJECTED, FAILED or BLOCKED, as fresh work. */
    boolean reopen(TenantId tenant, long id) {
        return jdbc.sql("""
                UPDATE crm_sync_work SET state = 'PENDING', attempts = 0, next_attempt_at = NULL, updated_at = ?
                WHERE tenant_id = ? AND id = ? AND state IN ('REJECTED', 'FAILED', 'BLOCKED')""")
                .params(now(), tenant.value(), id).update() == 1;
    }

    private void finish(SyncItem item, SyncState state, @Nullable String error) {
        jdbc.sql("""
                UPDATE crm_sync_work SET state = ?, last_error = ?, next_attempt_at = NULL, updated_at = ?
                WHERE tenant_id = ? AND id = ?""")
                .params(state.name(), error, now(), item.tenant().value(), item.id()).update();
    }

    private static SyncItem item(ResultSet rs, int n) throws SQLException {
        return new SyncItem(rs.getLong("id"), new TenantId(rs.getString("tenant_id")), rs.getLong("connection_id"),
                rs.getLong("lead_id"), SyncKind.valueOf(rs.getString("kind")), rs.getObject("conversation_id", Long.class),
                instant(rs, "slot_start"), instant(rs, "slot_end"), rs.getString("summary"),
                SyncState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                instant(rs, "next_attempt_at"), instant(rs, "created_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
