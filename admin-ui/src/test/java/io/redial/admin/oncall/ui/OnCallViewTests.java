package io.redial.admin.oncall.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.redial.admin.ConsoleTest;
import io.redial.receptionist.escalation.OnCallLadder;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OnCallViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("on-call-co");
    static final PhoneNumber LINE = new PhoneNumber("+15125556900");

    @Autowired Provisioner provisioner;
    @Autowired SandboxPhone phone;
    @Autowired OnCallLadder ladder;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: on-call-co
                    name: On Call Electric
                    timezone: America/Chicago
                    trades: [electrical]
                    on_call: ["+15125556911", "+15125556912"]
                    on_call_ack_minutes: 5
                    lines: [{number: "+15125556900", pattern: forwarded}]
                """));
    }

    @Test
    void showsTheLadderItsTimeoutAndWhoIsOnCallNow() {
        OnCallView view = openAs("on-call-owner", AdminRole.OWNER);

        assertThat(rows(view)).isEqualTo("1 |  | (512) 555-6911\n2 |  | (512) 555-6912");
        assertThat(view.ackMinutes.getValue()).isEqualTo(5);
        assertThat(view.onCallNow.getText()).isEqualTo("On call now: (512) 555-6911");
    }

    @Test
    void aReorderedLadderIsSavedAndTheNextEmergencyPagesItsNewFirstPerson() {
        OnCallView view = openAs("on-call-owner", AdminRole.OWNER);
        view.name.setValue("Dana Ortiz");
        view.number.setValue("512-555-6913");
        _click(view.add);
        _click(button(view, 2, "↑"));
        _click(button(view, 1, "↑"));
        _click(button(view, 2, "Remove"));
        view.ackMinutes.setValue(3);
        _click(view.save);

        assertThat(rows(view)).isEqualTo("1 | Dana Ortiz | (512) 555-6913\n2 |  | (512) 555-6911");
        assertThat(view.onCallNow.getText()).isEqualTo("On call now: Dana Ortiz · (512) 555-6913");
        assertThat(view.unsaved()).isFalse();
        assertThat(ladder.ladder(CO).ackMinutes()).isEqualTo(3);
        phone.textFromCaller(CO, LINE, new PhoneNumber("+15125556941"), "There are sparks coming out of the breaker panel");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(phone.thread(CO, new PhoneNumber("+15125556913")))
                .anySatisfy(t -> assertThat(t.body()).startsWith("URGENT On Call Electric").contains("+15125556941")));
        view.load();
        assertThat(view.escalations.getElement().getTextRecursively())
                .contains("Sparking electrical panel", "paging", "paged (512) 555-6913 (rung 1)", "caller told what happens next");
    }

    @Test
    void mistakesAreRefusedWithClearErrors() {
        OnCallView view = openAs("on-call-admin", AdminRole.ADMIN);
        view.number.setValue("nobody");
        _click(view.add);
        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo("\"nobody\" is not a phone number; write it as +1 512 555 0100.");

        view.number.setValue("+1 512 555 6911");
        _click(view.add);
        assertThat(view.number.isInvalid()).isTrue();
        assertThat(view.number.getErrorMessage()).isEqualTo("(512) 555-6911 is already on the ladder.");
        assertThat(view.ladder.getGenericDataView().getItems().count()).isEqualTo(2);

        view.ackMinutes.setValue(0);
        _click(view.save);
        assertThat(view.ackMinutes.isInvalid()).isTrue();
        assertThat(view.ackMinutes.getErrorMessage()).isEqualTo("The acknowledgement timeout must be between 1 and 60 minutes.");
        assertThat(ladder.ladder(CO).ackMinutes()).isEqualTo(5);
    }

    @Test
    void leavingWithAnUnsavedLadderAsksFirstAndStaysUntilTold() {
        OnCallView view = openAs("on-call-admin", AdminRole.ADMIN);
        _click(button(view, 1, "↑"));
        assertThat(view.unsaved()).isTrue();

        UI.getCurrent().navigate("dashboard");

        ConfirmDialog ask = LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes"));
        assertThat(ask.isOpened()).isTrue();
        assertThat(LocatorJ._find(OnCallView.class)).hasSize(1); // still here, nothing lost
        // "Leave without saving"
        com.vaadin.flow.component.ComponentUtil.fireEvent(ask, new ConfirmDialog.ConfirmEvent(ask, false));
        assertThat(LocatorJ._find(OnCallView.class)).isEmpty();
        assertThat(ladder.ladder(CO).rungs()).extracting(r -> r.phone().e164()).containsExactly("+15125556911", "+15125556912");
    }

    @Test
    void theOfficeMayNotChangeTheLadder() {
        signIn(CO, "on-call-office", AdminRole.OFFICE);

        assertThatThrownBy(() -> UI.getCurrent().navigate(OnCallView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        LocatorJ._assertNone(OnCallView.class);
    }

    private OnCallView openAs(String user, AdminRole role) {
        signIn(CO, user, role);
        return open(OnCallView.class);
    }

    private static Button button(OnCallView view, int row, String text) {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.ladder, row, "actions");
        return actions.getChildren().map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
    }

    private static String rows(OnCallView view) {
        return String.join("\n", IntStream.range(0, GridKt._size(view.ladder))
                .mapToObj(i -> String.join(" | ", List.copyOf(GridKt._getFormattedRow(view.ladder, i)).subList(0, 3))).toList());
    }
}
