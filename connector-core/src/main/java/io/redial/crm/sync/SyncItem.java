package io.redial.crm.sync;

import io.redial.shared.TenantId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One unit of sync work: an event's worth of writes to one connection. */
public record SyncItem(long id, TenantId tenant, long connectionId, long leadId, SyncKind kind,
        @Nullable Long conversationId, @Nullable Instant slotStart, @Nullable Instant slotEnd, @Nullable String summary,
        SyncState state, int attempts, @Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt) {
}
