package io.redial.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import io.redial.testing.CoreTestApplication;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulator over real loopback HTTP in sandbox mode: signed webhooks in, the sandbox carrier's ledger out. */
@SpringBootTest(classes = CoreTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SandboxPhoneIntegrationTests {

    static final TenantId SIM = new TenantId("sim-plumbing");
    static final PhoneNumber LINE = new PhoneNumber("+17375550100");
    static final PhoneNumber OTHER_LINE = new PhoneNumber("+17375550200");

    @Autowired SandboxPhone phone;
    @Autowired Provisioner provisioner;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: sim-plumbing
                    name: Sim Plumbing
                    timezone: America/Chicago
                    staff: ["+17375550199"]
                    lines: [{number: "+17375550100", pattern: dial, ring: ["+17375550199"]}]
                  - id: other-roofing
                    name: Other Roofing
                    timezone: America/Chicago
                    lines: [{number: "+17375550200", pattern: forwarded}]
                """));
    }

    @Test
    void anUnansweredCallIsTextedBackAndBecomesALead() {
        PhoneNumber caller = new PhoneNumber("+17375550101");

        phone.missedCall(SIM, LINE, caller);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(phone.thread(SIM, caller))
                .singleElement().satisfies(text -> {
                    assertThat(text.fromCaller()).isFalse();
                    assertThat(text.body()).contains("Sim Plumbing");
                    assertThat(text.state()).isEqualTo("delivered");
                }));
        assertThat(phone.lead(SIM, caller)).hasValueSatisfying(lead -> {
            assertThat(lead.callOutcome()).isEqualTo("MISSED");
            assertThat(lead.status()).isEqualTo("NEW");
        });
    }

    @Test
    void theCallersReplyArrivesThroughTheSmsWebhook() {
        PhoneNumber caller = new PhoneNumber("+17375550102");

        phone.textFromCaller(SIM, LINE, caller, "Is anyone free to look at my water heater today?");

        assertThat(phone.thread(SIM, caller)).anySatisfy(text -> {
            assertThat(text.fromCaller()).isTrue();
            assertThat(text.body()).contains("water heater");
        });
    }

    @Test
    void aTestTextFromTheTemplatesScreenLandsOnThePhone() {
        PhoneNumber caller = new PhoneNumber("+17375550103");

        phone.sendTest(SIM, LINE, caller, "Hi, this is a test of our text.");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(phone.thread(SIM, caller))
                .singleElement().satisfies(text -> assertThat(text.state()).isEqualTo("delivered")));
    }

    @Test
    void refusesToRingAnotherTenantsLineAndStoresNothing() {
        PhoneNumber caller = new PhoneNumber("+17375550104");

        assertThatThrownBy(() -> phone.missedCall(SIM, OTHER_LINE, caller)).isInstanceOf(SimulatorUnavailable.class);
        assertThatThrownBy(() -> phone.textFromCaller(SIM, OTHER_LINE, caller, "hi")).isInstanceOf(SimulatorUnavailable.class);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE from_number = ?").param(caller.e164()).query(Long.class)
                .single()).isZero();
        assertThat(phone.thread(new TenantId("other-roofing"), caller)).isEmpty();
    }

    @Test
    void aNewCallerIsNeitherOnTheTeamNorSomeoneWhoCalledBefore() {
        PhoneNumber earlier = new PhoneNumber("+17375550105");
        phone.textFromCaller(SIM, LINE, earlier, "hello");

        for (int i = 0; i < 50; i++) {
            PhoneNumber fresh = phone.newCaller(SIM, LINE);
            assertThat(fresh.e164()).startsWith("+173755501").isNotEqualTo(earlier.e164()).isNotEqualTo("+17375550199");
        }
    }

    @Test
    void signsLikeTwilio() {
        // The example from Twilio's security documentation.
        assertThat(LoopbackWebhooks.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
                java.util.Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
                        "From", "+12349013030", "To", "+18005551212")))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }
}
