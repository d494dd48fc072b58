package io.redial.crm.sync;

import io.redial.crm.CrmId;
import io.redial.shared.TenantId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code crm_connections} without its secrets, as the console shows it. {@code lastErrorAt} is
 * when it broke or was uninstalled.
 */
public record StoredConnection(long id, TenantId tenant, CrmId crm, ConnectionStatus status,
        @Nullable String externalAccountId, @Nullable String lastError, @Nullable Instant lastErrorAt,
        Map<String, String> settings, @Nullable Instant tokenExpiresAt, @Nullable Instant connectedAt) {
}
