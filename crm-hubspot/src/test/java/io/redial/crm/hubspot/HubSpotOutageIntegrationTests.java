package io.redial.crm.hubspot;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeTwilio;
import io.redial.testing.Outage;
import io.redial.testing.crm.CrmOutageScenario;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;

/** HubSpot down for ten minutes and back: each lead becomes one contact ({@link CrmOutageScenario}). */
class HubSpotOutageIntegrationTests extends CrmOutageScenario {

    static final FakeTwilio twilio = new FakeTwilio("AC0123456789abcdef0123456789abcdef", "test-auth-token-0123456789abcdef");
    static final FakeHubSpot hubspot = new FakeHubSpot();

    @Autowired CrmConnections connections;

    @Override
    protected FakeTwilio twilio() {
        return twilio;
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, HubSpotCrmProvider.ID,
                new CrmTokens(hubspot.issueAccessToken(), "unused-refresh", Instant.now().plusSeconds(1800), "4242"));
    }

    @Override
    protected Outage outage() {
        return hubspot.outage();
    }

    @Override
    protected int recordsOf(PhoneNumber caller) {
        return hubspot.contactsWithPhone(caller).size();
    }
}
