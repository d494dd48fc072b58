package io.redial.lines;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.lines.Registration.State;
import io.redial.shared.TenantId;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without a Twilio account the sandbox line takes whatever state the console simulates, so the screens can be tried. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "redial.sandbox.demo-tenant=false")
class SandboxLineReadinessIntegrationTests {

    static final TenantId TENANT = new TenantId("sandbox-readiness");

    @Autowired Provisioner provisioner;
    @Autowired LineReadiness readiness;
    @Autowired AdminNotices notices;
    @Autowired JdbcClient jdbc;

    @Test
    void eachSimulatedStateShowsWithItsNextStep() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: sandbox-readiness
                    name: Sandbox Readiness
                    timezone: America/Chicago
                    lines:
                      - number: "+15125552900"
                        pattern: forwarded
                """));
        long line = jdbc.sql("SELECT id FROM phone_lines WHERE number = '+15125552900'").query(Long.class).single();
        assertThat(readiness.checkNow(TENANT, line).registration().state()).as("approved until told otherwise")
                .isEqualTo(State.APPROVED);

        for (State state : State.values()) {
            readiness.simulate(TENANT, line, state);
            var shown = readiness.line(TENANT, line).orElseThrow();
            assertThat(shown.registration().state()).isEqualTo(state);
            assertThat(shown.registration().detail()).contains("simulated");
            assertThat(shown.live()).isEqualTo(state == State.APPROVED || state == State.UNKNOWN);
            assertThat(shown.nextStep()).isEqualTo(LineReadiness.nextStep(shown.registration()));
        }

        readiness.simulate(TENANT, line, State.REJECTED);
        assertThat(readiness.blocked(TENANT)).singleElement().satisfies(l -> assertThat(l.lineId()).isEqualTo(line));
        assertThat(notices.open(TENANT)).anySatisfy(n -> assertThat(n.message())
                .startsWith("Line (512) 555-2900: texting registration (A2P 10DLC) rejected (Campaign FAILED"));
    }
}
