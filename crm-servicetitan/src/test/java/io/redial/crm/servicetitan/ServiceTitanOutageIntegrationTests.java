package io.redial.crm.servicetitan;

import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.testing.crm.CrmOutageScenario;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/** ServiceTitan down for ten minutes and back: each lead becomes one booking ({@link CrmOutageScenario}). */
class ServiceTitanOutageIntegrationTests extends CrmOutageScenario {

    static final FakeServiceTitan servicetitan = new FakeServiceTitan();
    static final FakeServiceTitan.Tenant stTenant = servicetitan.addTenant(7_700_002);

    @Autowired ClientCredentialConnections connections;

    ServiceTitanOutageIntegrationTests() {
        super(servicetitan::outage, caller -> servicetitan.withPhone("booking", caller).size());
    }

    @Override
    protected void connect() {
        connections.connect(TENANT, ServiceTitanCrmProvider.ID, String.valueOf(stTenant.id()), stTenant.clientId(),
                stTenant.clientSecret(), Map.of("booking_provider", String.valueOf(stTenant.bookingProvider())));
    }
}
