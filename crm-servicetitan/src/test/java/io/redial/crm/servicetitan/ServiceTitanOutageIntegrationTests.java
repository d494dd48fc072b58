package io.redial.crm.servicetitan;

import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.shared.PhoneNumber;
import io.redial.testing.FakeTwilio;
import io.redial.testing.Outage;
import io.redial.testing.crm.CrmOutageScenario;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** ServiceTitan down for ten minutes and back: each lead becomes one booking ({@link CrmOutageScenario}). */
class ServiceTitanOutageIntegrationTests extends CrmOutageScenario {

    static final FakeTwilio twilio = new FakeTwilio("AC0123456789abcdef0123456789abcdef", "test-auth-token-0123456789abcdef");
    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant stTenant = servicetitan.addTenant(7_700_002);

    @Autowired ClientCredentialConnections connections;

    @Override
    protected FakeTwilio twilio() {
        return twilio;
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, ServiceTitanCrmProvider.ID, String.valueOf(stTenant.id()), stTenant.clientId(),
                stTenant.clientSecret(), Map.of("booking_provider", String.valueOf(stTenant.bookingProvider())));
    }

    @Override
    protected Outage outage() {
        return servicetitan.outage();
    }

    @Override
    protected int recordsOf(PhoneNumber caller) {
        return servicetitan.withPhone("booking", caller).size();
    }
}
