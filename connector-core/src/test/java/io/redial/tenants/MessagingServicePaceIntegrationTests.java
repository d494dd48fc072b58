package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningException;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 27.5: a pace configured per Messaging Service, for when Twilio does not state the throughput a registration
 * grants. Every line sending through the service gets the service's pace (it is one sender to the carriers); a
 * line with its own number, or a service with no pace set, keeps the line's or the tenant's.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class MessagingServicePaceIntegrationTests {

    static final String SHARED = "MG27000000000000000000000000000001";
    static final String UNPACED = "MG27000000000000000000000000000002";
    static final TenantId TENANT = new TenantId("paced-roofing");

    @Autowired Provisioner provisioner;
    @Autowired Tenants tenants;

    @Test
    void linesSendingThroughAServiceShareItsConfiguredPace() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: paced-roofing
                    name: Paced Roofing
                    timezone: America/Chicago
                    messaging_service_sid: %s
                    sends_per_minute: 60
                    messaging_services: [{sid: %s, sends_per_minute: 240}]
                    lines:
                      - {number: "+15125552701", pattern: forwarded}
                      - {number: "+15125552702", pattern: forwarded, messaging_service_sid: %s, sends_per_minute: 30}
                      - {number: "+15125552703", pattern: forwarded, messaging_service_sid: %s, sends_per_minute: 30}
                """.formatted(SHARED, SHARED, SHARED, UNPACED)));

        assertThat(tenants.sending(TENANT, new PhoneNumber("+15125552701")))
                .as("through the tenant's service").isEqualTo(new Tenants.Sending(SHARED, 240));
        assertThat(tenants.sending(TENANT, new PhoneNumber("+15125552702")))
                .as("its own pace is overruled by the service it shares").isEqualTo(new Tenants.Sending(SHARED, 240));
        assertThat(tenants.sending(TENANT, new PhoneNumber("+15125552703")))
                .as("a service without a pace: the line's").isEqualTo(new Tenants.Sending(UNPACED, 30));
    }

    @Test
    void aBadServiceOrPaceIsRefusedNamingIt() {
        assertThatThrownBy(() -> ProvisioningFile.parse("""
                tenants:
                  - {id: bad-pace, name: Bad, timezone: America/Chicago, lines: [],
                     messaging_services: [{sid: PN123, sends_per_minute: 60}]}
                """)).isInstanceOf(ProvisioningException.class).hasMessageContaining("messaging_services[0].sid");
        assertThatThrownBy(() -> ProvisioningFile.parse("""
                tenants:
                  - {id: bad-pace, name: Bad, timezone: America/Chicago, lines: [],
                     messaging_services: [{sid: %s, sends_per_minute: 0}]}
                """.formatted(SHARED))).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("messaging_services[0].sends_per_minute");
    }
}
