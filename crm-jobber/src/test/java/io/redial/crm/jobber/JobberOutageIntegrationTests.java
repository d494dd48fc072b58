package io.redial.crm.jobber;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.testing.crm.CrmOutageScenario;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** Jobber down for ten minutes and back: each lead becomes one client ({@link CrmOutageScenario}). */
class JobberOutageIntegrationTests extends CrmOutageScenario {

    static final FakeJobber jobber = new FakeJobber();

    @Autowired CrmConnections connections;

    JobberOutageIntegrationTests() {
        super(jobber::outage, caller -> jobber.clientsWithPhone(caller).size());
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, JobberCrmProvider.ID, new CrmTokens(jobber.issueAccessToken(), jobber.issueRefreshToken(),
                Instant.now().plusSeconds(3600), FakeJobber.ACCOUNT_ID));
        connections.saveSettings(TENANT, JobberCrmProvider.ID, Map.of("timezone", "America/Chicago"));
    }
}
