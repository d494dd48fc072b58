package io.redial.crm.jobber;

import io.redial.crm.CrmTokens;
import io.redial.crm.sync.CrmConnections;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeTwilio;
import io.redial.testing.Outage;
import io.redial.testing.crm.CrmOutageScenario;
import java.time.Instant;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** Jobber down for ten minutes and back: each lead becomes one client ({@link CrmOutageScenario}). */
class JobberOutageIntegrationTests extends CrmOutageScenario {

    static final FakeTwilio twilio = new FakeTwilio("AC0123456789abcdef0123456789abcdef", "test-auth-token-0123456789abcdef");
    static final FakeJobber jobber = new FakeJobber();

    @Autowired CrmConnections connections;

    @Override
    protected FakeTwilio twilio() {
        return twilio;
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, JobberCrmProvider.ID, new CrmTokens(jobber.issueAccessToken(), jobber.issueRefreshToken(),
                Instant.now().plusSeconds(3600), FakeJobber.ACCOUNT_ID));
        connections.saveSettings(TENANT, JobberCrmProvider.ID, Map.of("timezone", "America/Chicago"));
    }

    @Override
    protected Outage outage() {
        return jobber.outage();
    }

    @Override
    protected int recordsOf(PhoneNumber caller) {
        return jobber.clientsWithPhone(caller).size();
    }
}
