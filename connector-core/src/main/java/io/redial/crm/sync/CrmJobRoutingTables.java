package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmId;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.CrmProvider;
import io.redial.shared.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The console's trade × urgency table for CRMs that route jobs by the tenant's own ids ({@link CrmJobRouting}):
 * the columns with choices fetched from the CRM, the stored rows, and saving rows only when every value is
 * one the CRM offers.
 */
@Service
public class CrmJobRoutingTables {

    public record Table(List<CrmJobRouting.Column> columns, List<CrmJobRouting.Row> rows) {
    }

    private final CrmCatalog catalog;
    private final CrmConnections connections;
    private final CrmAccess access;

    CrmJobRoutingTables(CrmCatalog catalog, CrmConnections connections, CrmAccess access) {
        this.catalog = catalog;
        this.connections = connections;
        this.access = access;
    }

    /** Empty when the CRM does not route jobs this way or the tenant has no live connection to it. */
    public Optional<Table> table(TenantId tenant, CrmId crm) {
        Optional<CrmJobRouting> routing = routing(crm);
        Optional<StoredConnection> stored = connections.find(tenant, crm).filter(c -> c.status() == ConnectionStatus.CONNECTED);
        if (routing.isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        CrmProvider provider = catalog.find(crm).orElseThrow();
        var columns = routing.get().columns(access.connection(stored.get(), provider));
        return Optional.of(new Table(columns, routing.get().rows(stored.get().settings())));
    }

    /**
     * Replaces the rows; throws {@link IllegalArgumentException} naming the first value the CRM does not offer
     * (the lists are fetched again, so a business unit deactivated meanwhile is caught).
     */
    public void save(TenantId tenant, CrmId crm, List<CrmJobRouting.Row> rows) {
        Table table = table(tenant, crm).orElseThrow(() -> new IllegalArgumentException(crm + " is not connected"));
        for (CrmJobRouting.Row row : rows) {
            for (CrmJobRouting.Column column : table.columns()) {
                String value = row.values().get(column.key());
                Set<String> offered = column.choices().stream().map(CrmJobRouting.Choice::id).collect(Collectors.toSet());
                if (value == null || !offered.contains(value)) {
                    throw new IllegalArgumentException(column.label() + " for " + row.trade() + " / "
                            + row.urgency().name().toLowerCase() + " is not one " + crm + " offers: " + value);
                }
            }
        }
        StoredConnection stored = connections.find(tenant, crm).orElseThrow();
        Map<String, String> settings = routing(crm).orElseThrow().withRows(stored.settings(), rows);
        connections.saveSettings(tenant, crm, settings);
    }

    private Optional<CrmJobRouting> routing(CrmId crm) {
        return catalog.find(crm).filter(CrmJobRouting.class::isInstance).map(CrmJobRouting.class::cast);
    }
}
