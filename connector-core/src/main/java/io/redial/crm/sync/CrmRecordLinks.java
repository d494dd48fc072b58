package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmId;
import io.redial.crm.CrmRecordRef;
import io.redial.leads.LeadTimeline;
import io.redial.shared.TenantId;
import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lets a lead's timeline link a CRM record: the installed adapter picks the URL, from the link the CRM's answer
 * carried (stored with the record) or built from the tenant's account.
 */
@Component
class CrmRecordLinks implements LeadTimeline.RecordLinks {

    private final CrmCatalog catalog;
    private final CrmConnections connections;

    CrmRecordLinks(CrmCatalog catalog, CrmConnections connections) {
        this.catalog = catalog;
        this.connections = connections;
    }

    @Override
    public Optional<URI> link(TenantId tenant, String crm, String recordType, String recordId, @Nullable String storedUrl) {
        CrmId id = new CrmId(crm);
        CrmRecordRef record = new CrmRecordRef(recordType, recordId, storedUrl == null ? null : URI.create(storedUrl));
        return catalog.find(id).flatMap(provider -> provider.recordLink(record,
                connections.find(tenant, id).map(StoredConnection::externalAccountId).orElse(null)));
    }
}
