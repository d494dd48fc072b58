package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmException;
import io.redial.leads.KnownCustomers;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.TtlCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Answers "is this caller an existing customer?" from the tenant's connected CRMs, for the text-back's
 * greeting. The text-back bounds the call with its own time budget; a CRM that fails here is simply skipped.
 */
@Component
class CrmKnownCustomers implements KnownCustomers {

    private static final Logger log = LoggerFactory.getLogger(CrmKnownCustomers.class);

    private final CrmConnections connections;
    private final CrmCatalog catalog;
    private final CrmAccess access;
    /**
     * The tenant's connected CRMs, read on every missed call: cached briefly, like tenant configuration. A
     * connection made on another node shows within the TTL; until then a caller is greeted without their name.
     */
    private final TtlCache<TenantId, List<StoredConnection>> connected;

    CrmKnownCustomers(CrmConnections connections, CrmCatalog catalog, CrmAccess access, Clock clock,
            @Value("${redial.config-cache-ttl:PT10S}") Duration ttl) {
        this.connections = connections;
        this.catalog = catalog;
        this.access = access;
        this.connected = new TtlCache<>(ttl, clock);
    }

    @EventListener
    void on(CrmConnected event) {
        connected.invalidate(event.tenant());
    }

    @Override
    public boolean mayKnow(TenantId tenant) {
        return !connectedTo(tenant).isEmpty();
    }

    private List<StoredConnection> connectedTo(TenantId tenant) {
        return connected.get(tenant, key -> connections.of(key).stream()
                .filter(c -> c.status() == ConnectionStatus.CONNECTED && catalog.find(c.crm()).isPresent())
                .toList());
    }

    @Override
    public Optional<KnownCustomer> lookUp(TenantId tenant, PhoneNumber phone) {
        for (StoredConnection connection : connectedTo(tenant)) {
            var provider = catalog.find(connection.crm());
            if (provider.isEmpty()) {
                continue;
            }
            try {
                var found = access.open(connection, provider.get()).lookUpCustomer(phone);
                if (found.isPresent()) {
                    var customer = found.get();
                    return Optional.of(new KnownCustomer(customer.firstName(), customer.fullName(), customer.ref().id()));
                }
            } catch (CrmException e) {
                log.info("customer look-up in {} failed for {}: {}", connection.crm(), phone.masked(), e.getMessage());
            }
        }
        return Optional.empty();
    }
}
