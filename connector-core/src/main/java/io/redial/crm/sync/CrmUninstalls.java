package io.redial.crm.sync;

import io.redial.crm.CrmUninstalled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Acts on {@link CrmUninstalled}: the tokens are deleted and the connection is disconnected. Its sync
 * work stays (blocked, not dropped) and resumes when the account installs again.
 */
@Component
class CrmUninstalls {

    private static final Logger log = LoggerFactory.getLogger(CrmUninstalls.class);

    private final CrmConnections connections;

    CrmUninstalls(CrmConnections connections) {
        this.connections = connections;
    }

    @EventListener
    void on(CrmUninstalled event) {
        connections.byExternalAccount(event.crm(), event.externalAccountId()).ifPresent(connection -> {
            connections.disconnect(connection.tenant(), connection.crm());
            log.info("{} account {} uninstalled the app: tenant {} disconnected, tokens deleted", event.crm(),
                    event.externalAccountId(), connection.tenant());
        });
    }
}
