package io.redial.admin.lines.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import io.redial.admin.ConsoleTest;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.CallPattern;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.AdminRole;
import io.redial.tenants.Tenants;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LinesViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("lines-co");

    @Autowired Provisioner provisioner;
    @Autowired Tenants tenants;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: lines-co
                    name: Lines Roofing
                    timezone: America/Denver
                    lines:
                      - {number: "+17205556600", pattern: dial, ring: ["+17205556691", "+17205556692"], ring_timeout_seconds: 20}
                      - {number: "+17205556700", pattern: forwarded}
                  - id: lines-other
                    name: Lines Other
                    timezone: America/Denver
                    lines: [{number: "+17205556800", pattern: forwarded}]
                """));
    }

    @Test
    void listsOnlyTheTenantsLinesWithPatternRingListAndPace() {
        LinesView view = openAs("lines-owner", AdminRole.OWNER);

        assertThat(rows(view)).contains("(720) 555-6600 | Redial rings your phones | (720) 555-6691, (720) 555-6692 · all at once · 20 seconds each",
                "(720) 555-6700 | Your carrier forwards missed calls", "texts a minute (the business's pace)")
                .doesNotContain("(720) 555-6800", "+1720");
    }

    @Test
    void aLineIsChangedToRingInOrderWithItsOwnPaceAndTheNextCallSeesIt() {
        LinesView view = openAs("lines-owner", AdminRole.OWNER);
        GridKt._clickItem(view.lines, 0);
        view.form.ringOrder.setValue(LineForm.RING_IN_ORDER);
        view.form.ringList.setValue("720-555-6692\n+1 720 555 6693");
        view.form.ringTimeout.setValue(15);
        view.form.screening.setValue(false);
        view.form.pace.setValue(30);
        _click(view.form.save);

        assertThat(view.form.problem.isVisible()).isFalse();
        PhoneLine line = tenants.lineByNumber(new PhoneNumber("+17205556600")).orElseThrow();
        assertThat(line.ringList()).extracting(PhoneNumber::e164).containsExactly("+17205556692", "+17205556693");
        assertThat(line.ringTimeoutSeconds()).isEqualTo(15);
        assertThat(line.screening()).isFalse();
        assertThat(tenants.ringsInOrder(line.id())).isTrue();
        assertThat(tenants.sending(CO, line.number()).sendsPerMinute()).isEqualTo(30);
    }

    @Test
    void leavingWithAnUnsavedLineAsksFirstAndNothingChangedAsksNothing() {
        LinesView view = openAs("lines-owner", AdminRole.OWNER);
        GridKt._clickItem(view.lines, 0);
        assertThat(view.unsaved()).as("a line just opened, its numbers shown in national format").isFalse();

        int was = view.form.ringTimeout.getValue();
        view.form.ringTimeout.setValue(was + 5);
        UI.getCurrent().navigate("dashboard");

        assertThat(LocatorJ._get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(LinesView.class)).hasSize(1);
        view.form.ringList.setValue("not a phone");
        assertThat(view.unsaved()).as("a number that cannot be read counts as a change").isTrue();
        view.form.ringTimeout.setValue(was); // put back: nothing to save
        GridKt._clickItem(view.lines, 0);
        assertThat(view.unsaved()).isFalse();
    }

    @Test
    void mistakesAreRefusedWithClearErrors() {
        LinesView view = openAs("lines-admin", AdminRole.ADMIN);
        GridKt._clickItem(view.lines, 0);

        view.form.ringList.setValue("+17205556691\nnot a phone");
        _click(view.form.save);
        assertThat(view.form.ringList.isInvalid()).isTrue();
        assertThat(view.form.ringList.getErrorMessage()).isEqualTo("\"not a phone\" is not a phone number; write it as +1 512 555 0100.");
        assertThat(view.form.problem.isVisible()).isFalse(); // beside the field, not by Save

        view.form.ringList.setValue("");
        _click(view.form.save);
        assertThat(view.form.ringList.getErrorMessage()).isEqualTo("A line that rings the team needs at least one phone in its ring list.");

        view.form.ringList.setValue("+17205556691");
        view.form.ringTimeout.setValue(2);
        _click(view.form.save);
        assertThat(view.form.ringTimeout.isInvalid()).isTrue();
        assertThat(view.form.ringTimeout.getErrorMessage()).isEqualTo("Ring timeout must be between 5 and 60 seconds.");
        assertThat(view.form.ringList.isInvalid()).isFalse();
        assertThat(tenants.lineByNumber(new PhoneNumber("+17205556600")).orElseThrow().ringTimeoutSeconds()).isEqualTo(20);
    }

    @Test
    void aForwardedLineShowsHowToForwardToIt() {
        LinesView view = openAs("lines-owner", AdminRole.OWNER);
        GridKt._clickItem(view.lines, 1);

        assertThat(view.form.pattern.getValue()).isEqualTo(CallPattern.FORWARDED);
        assertThat(view.form.ringList.isVisible()).isFalse();
        assertThat(view.form.forwardingNote.getText()).contains("forward calls you don't answer", "(720) 555-6700");
    }

    @Test
    void theOfficeMayNotChangeLines() {
        signIn(CO, "lines-office", AdminRole.OFFICE);

        assertThatThrownBy(() -> UI.getCurrent().navigate(LinesView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        LocatorJ._assertNone(LinesView.class);
    }

    private LinesView openAs(String user, AdminRole role) {
        signIn(CO, user, role);
        return open(LinesView.class);
    }

    private static String rows(LinesView view) {
        view.show();
        return String.join("\n", IntStream.range(0, GridKt._size(view.lines))
                .mapToObj(i -> String.join(" | ", List.copyOf(GridKt._getFormattedRow(view.lines, i)))).toList());
    }
}
