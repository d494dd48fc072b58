package io.redial.crm.hubspot;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.testing.crm.CrmOutageScenario;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;

/** HubSpot down for ten minutes and back: each lead becomes one contact ({@link CrmOutageScenario}). */
class HubSpotOutageIntegrationTests extends CrmOutageScenario {

    static final FakeHubSpot hubspot = new FakeHubSpot();

    @Autowired CrmConnections connections;

    HubSpotOutageIntegrationTests() {
        super(hubspot::outage, caller -> hubspot.contactsWithPhone(caller).size());
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
    }
}
