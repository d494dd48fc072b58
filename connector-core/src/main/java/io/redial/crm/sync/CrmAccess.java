package io.redial.crm.sync;

import io.redial.crm.CrmAuthExpired;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmConnection;
import io.redial.crm.CrmGateway;
import io.redial.crm.CrmOAuth;
import io.redial.crm.CrmProvider;
import io.redial.crm.CrmTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a gateway on a stored connection: decrypts the tokens, refreshes them when they expire soon
 * (a 401 is not a reliable trigger) under a row lock so only one node refreshes, and attaches the
 * connection's throttle.
 */
@Component
class CrmAccess {

    private final CrmConnections connections;
    private final ConnectionThrottles throttles;
    private final OAuthGrants grants;
    private final ClientCredentialTokens clientCredentials;
    private final Clock clock;
    private final Duration refreshAhead;
    private final Map<Long, Object> refreshLocks = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    CrmAccess(CrmConnections connections, ConnectionThrottles throttles, OAuthGrants grants,
            ClientCredentialTokens clientCredentials, Clock clock,
            @Value("${redial.crm.sync.refresh-ahead:PT5M}") Duration refreshAhead, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW); // its own short lock, never a caller's
        this.connections = connections;
        this.throttles = throttles;
        this.grants = grants;
        this.clientCredentials = clientCredentials;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
    }

    /** Throws {@link CrmAuthExpired} when there are no usable credentials or the refresh is refused. */
    CrmGateway open(StoredConnection stored, CrmProvider provider) {
        return provider.connect(connection(stored, provider));
    }

    /** The connection as an adapter sees it: a current access token and the connection's throttle. */
    CrmConnection connection(StoredConnection stored, CrmProvider provider) {
        CrmTokens tokens = currentTokens(stored, provider);
        return new CrmConnection(stored.id(), stored.tenant(), stored.crm(), stored.externalAccountId(),
                tokens.accessToken(), stored.settings(), throttles.forConnection(stored.id(), provider.rateLimits()));
    }

    private CrmTokens currentTokens(StoredConnection stored, CrmProvider provider) {
        CrmTokens tokens = connections.tokens(stored)
                .orElseThrow(() -> new CrmAuthExpired("no credentials stored", null));
        if (provider instanceof CrmClientCredentials credentials) {
            return clientCredentials.current(stored, credentials, tokens);
        }
        if (!expiresSoon(tokens) || !(provider instanceof CrmOAuth oauth)) {
            return tokens;
        }
        synchronized (refreshLocks.computeIfAbsent(stored.id(), id -> new Object())) {
            try {
                return tx.execute(status -> refreshUnderLock(stored, oauth, tokens));
            } catch (CrmAuthExpired refused) {
                connections.forgetCredentials(stored); // uninstalled or revoked: the tokens are dead, keep none
                throw refused;
            }
        }
    }

    /**
     * The refresh itself, holding the connection's row lock: the CRM rotates refresh tokens (an old one sent
     * twice fails), so across all nodes one worker refreshes and the others, once the lock is theirs, find
     * the new tokens stored and use them.
     */
    private CrmTokens refreshUnderLock(StoredConnection stored, CrmOAuth oauth, CrmTokens seen) {
        jdbc.sql("SELECT id FROM crm_connections WHERE tenant_id = ? AND id = ? FOR UPDATE")
                .params(stored.tenant().value(), stored.id()).query(Long.class).optional();
        CrmTokens latest = connections.tokens(stored).orElse(seen); // another worker or node may have refreshed
        if (!expiresSoon(latest)) {
            return latest;
        }
        CrmTokens kept = grants.refresh(oauth, latest);
        connections.storeRefreshed(stored, kept);
        return kept;
    }

    private boolean expiresSoon(CrmTokens tokens) {
        return tokens.expiresAt() != null && !tokens.expiresAt().isAfter(clock.instant().plus(refreshAhead));
    }
}
