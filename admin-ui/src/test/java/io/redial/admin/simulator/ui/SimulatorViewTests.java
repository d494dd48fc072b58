package io.redial.admin.simulator.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.redial.admin.ConsoleTest;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SimulatorViewTests extends ConsoleTest {

    @Autowired Provisioner provisioner;

    @BeforeEach
    void provisionAndSignIn() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: sim-view-hvac
                    name: Sim View HVAC
                    timezone: America/Chicago
                    lines: [{number: "+17375551100", pattern: dial, ring: ["+17375551199"]}]
                  - id: sim-view-other
                    name: Sim View Other
                    timezone: America/Chicago
                    lines: [{number: "+17375551200", pattern: forwarded}]
                """));
        signIn(new TenantId("sim-view-hvac"), "sim-view-owner", AdminRole.OWNER);
    }

    @Test
    void aCallThatRingsOutBringsTheTextBackTheReplyAndTheLeadToThePhone() {
        SimulatorView view = open(SimulatorView.class);
        view.caller.setValue("+17375551101");

        _click(view.call);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            view.refresh();
            assertThat(view.phone.getElement().getTextRecursively()).contains("Sim View HVAC", "delivered");
        });
        view.reply.setValue("My furnace stopped, can someone come today?");
        _click(view.send);

        assertThat(view.phone.getElement().getTextRecursively()).contains("My furnace stopped");
        assertThat(view.lead.getText()).startsWith("Open the lead: ").contains("call missed");
        assertThat(view.lead.getHref()).matches("leads/\\d+");
    }

    @Test
    void aNumberThatIsNotOneIsRefusedBesideTheField() {
        SimulatorView view = open(SimulatorView.class);
        view.caller.setValue("call me maybe");

        _click(view.call);

        assertThat(view.caller.isInvalid()).isTrue();
        assertThat(view.caller.getErrorMessage()).startsWith("Enter a phone number");
        assertThat(view.lead.getText()).isEqualTo("No lead for this caller yet");
    }

    @Test
    void offersOnlyTheSignedInTenantsOwnLines() {
        SimulatorView view = open(SimulatorView.class);

        assertThat(view.line.getListDataView().getItems().map(l -> l.number().e164()))
                .containsExactly("+17375551100");
        assertThat(view.line.getItemLabelGenerator().apply(view.line.getValue()))
                .isEqualTo("(737) 555-1100 · Redial rings your phones");
    }
}
