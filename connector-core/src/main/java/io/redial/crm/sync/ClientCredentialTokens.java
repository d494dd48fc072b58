package io.redial.crm.sync;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmTokens;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access tokens of client-credentials connections, renewed shortly before they expire and once across all
 * nodes: the renewing node holds the connection's row lock while it asks the CRM, and whoever waited on that
 * lock reads the fresh token instead of asking again (the CRM throttles its token endpoint).
 */
@Component
class ClientCredentialTokens {

    private final CrmConnections connections;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ClientCredentialTokens(CrmConnections connections, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.connections = connections;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx.setTimeout(60);
        this.clock = clock;
    }

    CrmTokens current(StoredConnection stored, CrmClientCredentials crm, CrmTokens tokens) {
        if (!expiresSoon(tokens, crm)) {
            return tokens;
        }
        return tx.execute(status -> {
            jdbc.sql("SELECT id FROM crm_connections WHERE tenant_id = ? AND id = ? FOR UPDATE")
                    .params(stored.tenant().value(), stored.id()).query(Long.class).optional();
            CrmTokens latest = connections.tokens(stored)
                    .orElseThrow(() -> new CrmAuthExpired("no credentials stored", null));
            if (!expiresSoon(latest, crm)) {
                return latest; // another node renewed it while we waited for the lock
            }
            CrmTokens renewed = crm.renew(latest);
            connections.storeRefreshed(stored, renewed);
            return renewed;
        });
    }

    private boolean expiresSoon(CrmTokens tokens, CrmClientCredentials crm) {
        return tokens.expiresAt() != null && !tokens.expiresAt().isAfter(clock.instant().plus(crm.renewAhead()));
    }
}
