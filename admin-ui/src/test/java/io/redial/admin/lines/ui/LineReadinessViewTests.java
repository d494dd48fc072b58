package io.redial.admin.lines.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import io.redial.admin.ConsoleTest;
import io.redial.lines.LineReadiness;
import io.redial.lines.Registration.State;
import io.redial.lines.UnreachedAlerts;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Lines screen's texting registration on the sandbox carrier, and the dashboard's word on a line that cannot text. */
class LineReadinessViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("ready-co");

    @Autowired Provisioner provisioner;
    @Autowired LineReadiness readiness;
    @Autowired UnreachedAlerts alerts;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: ready-co
                    name: Ready Roofing
                    timezone: America/Denver
                    lines:
                      - {number: "+17205557600", pattern: forwarded}
                """));
        readiness.of(CO).forEach(l -> readiness.simulate(CO, l.lineId(), State.APPROVED));
    }

    @Test
    void aSimulatedRejectionShowsTheReasonAndTheNextStepAndTheLineIsNotLive() {
        LinesView view = openAs("ready-owner");
        assertThat(rows(view)).contains("Live · registered for texting", "no reports yet");

        GridKt._clickItem(view.lines, 0);
        view.readinessPanel.simulate.setValue(State.REJECTED);

        assertThat(view.readinessPanel.state.getText()).isEqualTo("registration rejected");
        assertThat(view.readinessPanel.detail.getText()).startsWith("Twilio says: Campaign FAILED");
        assertThat(view.readinessPanel.nextStep.getText()).contains("resubmit");
        assertThat(rows(view)).contains("registration rejected").doesNotContain("Live");

        view.readinessPanel.simulate.setValue(State.PENDING);
        assertThat(view.readinessPanel.nextStep.getText()).contains("wait");
    }

    @Test
    void theMessagingServiceIsCheckedThenStored() {
        LinesView view = openAs("ready-admin");
        GridKt._clickItem(view.lines, 0);

        view.readinessPanel.service.setValue("MG-not-a-sid");
        _click(view.readinessPanel.saveService);
        assertThat(readiness.of(CO).getFirst().messagingServiceSid()).isNull();

        view.readinessPanel.service.setValue("MG76000000000000000000000000000001");
        _click(view.readinessPanel.saveService);
        assertThat(readiness.of(CO).getFirst().messagingServiceSid()).isEqualTo("MG76000000000000000000000000000001");
    }

    @Test
    void theAlertPhoneIsSavedOrRefused() {
        LinesView view = openAs("ready-owner");
        view.alertPhone.setValue("not a phone");
        _click(view.saveAlertPhone);
        assertThat(view.alertPhone.isInvalid()).isTrue();

        view.alertPhone.setValue("720 555 7699");
        _click(view.saveAlertPhone);
        assertThat(alerts.phone(CO)).hasValueSatisfying(p -> assertThat(p.e164()).isEqualTo("+17205557699"));
    }

    @Test
    void theDashboardSaysWhichLineCannotTextAndWhy() {
        readiness.of(CO).forEach(l -> readiness.simulate(CO, l.lineId(), State.NOT_REGISTERED));
        signIn(CO, "ready-owner", AdminRole.OWNER);
        UI.getCurrent().navigate("");
        UI.getCurrent().refreshCurrentRoute(true);

        String health = LocatorJ._get(Div.class, spec -> spec.withId("line-health")).getElement().getTextRecursively();
        assertThat(health).contains("Line (720) 555-7600 is not live: not registered for texting", "A2P campaign",
                "flags each one for a call back");
    }

    private LinesView openAs(String user) {
        signIn(CO, user, AdminRole.OWNER);
        return open(LinesView.class);
    }

    private static String rows(LinesView view) {
        view.show();
        return String.join("\n", IntStream.range(0, GridKt._size(view.lines))
                .mapToObj(i -> String.join(" | ", List.copyOf(GridKt._getFormattedRow(view.lines, i)))).toList());
    }
}
