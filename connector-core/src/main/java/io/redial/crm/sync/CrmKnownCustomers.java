package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmException;
import io.redial.leads.KnownCustomers;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    CrmKnownCustomers(CrmConnections connections, CrmCatalog catalog, CrmAccess access) {
        this.connections = connections;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public Optional<KnownCustomer> lookUp(TenantId tenant, PhoneNumber phone) {
        for (StoredConnection connection : connections.of(tenant)) {
            if (connection.status() != ConnectionStatus.CONNECTED) {
                continue;
            }
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
