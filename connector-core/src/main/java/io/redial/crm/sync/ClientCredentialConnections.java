package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmId;
import io.redial.crm.CrmTokens;
import io.redial.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connecting a CRM whose tenants hand us a client id and secret (see {@link CrmClientCredentials}): the
 * credentials are checked by fetching a token before anything is saved, then stored encrypted together
 * with the tenant's settings for that CRM, so work resumed by the connect already sees them.
 */
@Service
public class ClientCredentialConnections {

    private final CrmCatalog catalog;
    private final CrmConnections connections;
    private final TransactionTemplate tx;

    ClientCredentialConnections(CrmCatalog catalog, CrmConnections connections, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.connections = connections;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Whether {@code crm} is installed and connects this way. */
    public boolean supports(CrmId crm) {
        return catalog.find(crm).filter(CrmClientCredentials.class::isInstance).isPresent();
    }

    /**
     * Checks the credentials with the CRM and saves them; throws the CRM's refusal ({@code CrmException})
     * without saving anything. Settings already saved for this CRM are kept unless {@code settings} replaces them.
     */
    public long connect(TenantId tenant, CrmId crm, String accountId, String clientId, String clientSecret,
            Map<String, String> settings) {
        CrmClientCredentials provider = catalog.find(crm).filter(CrmClientCredentials.class::isInstance)
                .map(CrmClientCredentials.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(crm + " does not connect with client credentials"));
        // Asked outside the transaction: no database connection waits on the CRM's token endpoint.
        CrmTokens tokens = provider.issue(accountId.trim(), clientId.trim(), clientSecret.trim());
        Long id = tx.execute(status -> {
            Map<String, String> merged = new LinkedHashMap<>(
                    connections.find(tenant, crm).map(StoredConnection::settings).orElse(Map.of()));
            merged.putAll(settings);
            long connected = connections.connect(tenant, crm, tokens);
            connections.saveSettings(tenant, crm, merged); // in the same commit, so resumed work sees them
            return connected;
        });
        return java.util.Objects.requireNonNull(id);
    }

    /** The tenant's connection to {@code crm} without its secrets, as the console shows it. */
    public java.util.Optional<StoredConnection> find(TenantId tenant, CrmId crm) {
        return connections.find(tenant, crm);
    }

    /** Forgets the credentials; the connection row stays, disconnected, with its settings. */
    public void disconnect(TenantId tenant, CrmId crm) {
        connections.disconnect(tenant, crm);
    }
}
