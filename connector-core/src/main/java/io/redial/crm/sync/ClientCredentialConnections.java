package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmId;
import io.redial.crm.CrmTokens;
import io.redial.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connecting a CRM whose tenants hand us a client id and secret (see {@link CrmClientCredentials}): the
 * credentials are checked by fetching a token before anything is saved, then stored encrypted together
 * with the tenant's settings for that CRM, so work resumed by the connect already sees them.
 */
@Service
public class ClientCredentialConnections {

    private final CrmCatalog catalog;
    private final CrmConnections connections;

    ClientCredentialConnections(CrmCatalog catalog, CrmConnections connections) {
        this.catalog = catalog;
        this.connections = connections;
    }

    /** Whether {@code crm} is installed and connects this way. */
    public boolean supports(CrmId crm) {
        return catalog.find(crm).filter(CrmClientCredentials.class::isInstance).isPresent();
    }

    /**
     * Checks the credentials with the CRM and saves them; throws the CRM's refusal ({@code CrmException})
     * without saving anything. Settings already saved for this CRM are kept unless {@code settings} replaces them.
     */
    @Transactional
    public long connect(TenantId tenant, CrmId crm, String accountId, String clientId, String clientSecret,
            Map<String, String> settings) {
        CrmClientCredentials provider = catalog.find(crm).filter(CrmClientCredentials.class::isInstance)
                .map(CrmClientCredentials.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(crm + " does not connect with client credentials"));
        CrmTokens tokens = provider.issue(accountId.trim(), clientId.trim(), clientSecret.trim());
        Map<String, String> merged = new LinkedHashMap<>(
                connections.find(tenant, crm).map(StoredConnection::settings).orElse(Map.of()));
        merged.putAll(settings);
        long id = connections.connect(tenant, crm, tokens);
        connections.saveSettings(tenant, crm, merged);
        return id;
    }

    /** Forgets the credentials; the connection row stays, disconnected, with its settings. */
    public void disconnect(TenantId tenant, CrmId crm) {
        connections.disconnect(tenant, crm);
    }
}
