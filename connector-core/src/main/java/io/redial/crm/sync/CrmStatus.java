package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmId;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.leads.LeadTimeline;
import io.redial.shared.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the console shows about a tenant's CRMs: each connection's state, its last error and when, how
 * much work waits and how much failed; the failed items themselves, and retrying one or all of them.
 */
@Service
public class CrmStatus implements LeadTimeline.SyncRetries {

    /** Work the CRM refused or that ran out of tries; a person decides (retry). */
    static final List<SyncState> FAILED = List.of(SyncState.REJECTED, SyncState.FAILED);
    /** Work still to go: queued, or blocked until the tenant reconnects. */
    static final List<SyncState> PENDING = List.of(SyncState.PENDING, SyncState.BLOCKED);

    public record Connection(long id, CrmId crm, String crmName, ConnectionStatus status, @Nullable String lastError,
            @Nullable Instant lastErrorAt, int pending, int failed, String reconnectPath) {
    }

    private final CrmConnections connections;
    private final CrmCatalog catalog;
    private final SyncWork work;
    private final CrmSyncControl control;
    private final JdbcClient jdbc;

    CrmStatus(CrmConnections connections, CrmCatalog catalog, SyncWork work, CrmSyncControl control, JdbcClient jdbc) {
        this.connections = connections;
        this.catalog = catalog;
        this.work = work;
        this.control = control;
        this.jdbc = jdbc;
    }

    public List<Connection> connections(TenantId tenant) {
        Map<Long, Map<SyncState, Integer>> counts = new HashMap<>();
        jdbc.sql("SELECT connection_id, state, COUNT(*) FROM crm_sync_work WHERE tenant_id = ? AND state <> 'DONE'"
                        + " GROUP BY connection_id, state")
                .param(tenant.value())
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                            .put(SyncState.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return connections.of(tenant).stream().map(c -> {
            Map<SyncState, Integer> of = counts.getOrDefault(c.id(), Map.of());
            return new Connection(c.id(), c.crm(), catalog.find(c.crm()).map(CrmProvider::displayName).orElse(c.crm().value()),
                    c.status(), c.lastError(), c.lastErrorAt(), sum(of, PENDING), sum(of, FAILED),
                    "/crm/" + c.crm().value() + "/install");
        }).toList();
    }

    /** An installed CRM the tenant has not connected yet, and where its install starts. */
    public record Connectable(CrmId crm, String crmName, String installPath) {
    }

    /** The installed CRMs that install by OAuth and that the tenant has no connection to. */
    public List<Connectable> connectable(TenantId tenant) {
        List<CrmId> connected = connections.of(tenant).stream().map(StoredConnection::crm).toList();
        return catalog.providers().stream().filter(p -> p instanceof CrmOAuth && !connected.contains(p.id()))
                .map(p -> new Connectable(p.id(), p.displayName(), "/crm/" + p.id().value() + "/install")).toList();
    }

    /** Rejected and failed work of the tenant, oldest first, each with its last error. */
    public List<SyncItem> failed(TenantId tenant) {
        return work.inStates(tenant, FAILED);
    }

    /** Queues one failed item again; false when it is not the tenant's or not failed. */
    @Override
    public boolean retry(TenantId tenant, long failedItemId) {
        return work.find(tenant, failedItemId).filter(item -> FAILED.contains(item.state())).isPresent()
                && control.retry(tenant, failedItemId);
    }

    /** Queues every failed item of the tenant again. @return how many */
    public int retryAll(TenantId tenant) {
        int retried = 0;
        for (SyncItem item : failed(tenant)) {
            if (control.retry(tenant, item.id())) {
                retried++;
            }
        }
        return retried;
    }

    private static int sum(Map<SyncState, Integer> counts, List<SyncState> states) {
        return states.stream().mapToInt(s -> counts.getOrDefault(s, 0)).sum();
    }
}
