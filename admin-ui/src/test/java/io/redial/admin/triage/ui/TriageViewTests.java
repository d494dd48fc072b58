package io.redial.admin.triage.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import io.redial.admin.ConsoleTest;
import io.redial.leads.Urgency;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.redial.receptionist.ConversationDesk;
import io.redial.receptionist.ReceptionistProfiles;
import io.redial.receptionist.triage.SafetyThresholds;
import io.redial.receptionist.triage.TriageExamples;
import io.redial.receptionist.triage.Routing;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TriageViewTests extends ConsoleTest {

    static final TenantId CO = new TenantId("triage-view-co");
    static final PhoneNumber LINE = new PhoneNumber("+15125556300");

    @Autowired Provisioner provisioner;
    @Autowired SandboxPhone phone;
    @Autowired ConversationDesk desk;
    @Autowired TriageExamples ownExamples;
    @Autowired ReceptionistProfiles profiles;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: triage-view-co
                    name: Triage View Plumbing
                    timezone: America/Chicago
                    trades: [plumbing, hvac]
                    lines: [{number: "+15125556300", pattern: forwarded}]
                """));
        jdbc.sql("DELETE FROM triage_examples WHERE tenant_id = ?").param(CO.value()).update();
        profiles.saveSettings(CO, profiles.settings(CO).withSafety(SafetyThresholds.DEFAULTS));
    }

    @Test
    void showsTheBuiltInRulesOfATradeAndTriesAMessageWithTheReceptionistsMatching() {
        TriageView view = openAs("triage-view-owner", AdminRole.OWNER);

        assertThat(rows(view)).contains("Burst pipe | emergency | page the on-call ladder", "built in")
                .doesNotContain("Gas smell");
        view.trade.setValue("hvac");
        assertThat(rows(view)).contains("Gas smell").doesNotContain("Burst pipe");

        view.message.setValue("Water is pouring out of a burst pipe under the sink");
        _click(view.tryIt);
        assertThat(view.verdict.getText()).startsWith("Matches \"Burst pipe\", a plumbing rule: emergency, then page the on-call ladder.")
                .contains("Anna reads it as a plumbing job.", "shut off your main water valve")
                .doesNotContain("burst-pipe", "differs");
        view.message.setValue("Can you quote a new faucet?");
        _click(view.tryIt);
        assertThat(view.verdict.getText()).startsWith("No rule matches, so Anna handles it as a routine request.");
    }

    @Test
    void anEditedDefaultIsSavedForTheTenantAppliedByAnnaAndResettable() {
        TriageView view = openAs("triage-view-admin", AdminRole.ADMIN);
        GridKt._clickItem(view.rules, indexOf(view, "No water"));
        assertThat(view.form.title.getText()).isEqualTo("No water");
        view.form.urgency.setValue(Urgency.EMERGENCY);
        view.form.routing.setValue(Routing.ESCALATE);
        view.form.safetyEn.setValue("Turn off the water heater's power or gas valve until we get there.");
        _click(view.form.save);

        assertThat(rows(view)).contains("No water | emergency | page the on-call ladder", "built in, edited");
        phone.textFromCaller(CO, LINE, new PhoneNumber("+15125556311"), "We have no hot water at all since this morning");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(desk.live(CO, Instant.EPOCH).stream()
                .filter(t -> t.caller().e164().equals("+15125556311")).findFirst().map(t -> desk.texts(CO, t.id()))
                .orElseThrow()).anySatisfy(t -> assertThat(t.body()).startsWith("Turn off the water heater's power")));

        _click(view.form.reset);
        assertThat(rows(view)).contains("No water | urgent | book the earliest slot").doesNotContain("edited");
        view.message.setValue("no hot water");
        _click(view.tryIt);
        assertThat(view.verdict.getText()).startsWith("Matches \"No water\", a plumbing rule: urgent");
    }

    @Test
    void aNewRuleIsCheckedThenAddedAndResettingTheTradeKeepsIt() {
        TriageView view = openAs("triage-view-owner", AdminRole.OWNER);
        _click(view.addRule);
        view.form.code.setValue("Frozen Pipe!");
        _click(view.form.save);
        assertThat(view.form.code.isInvalid()).isTrue();
        assertThat(view.form.code.getErrorMessage()).startsWith("Use lowercase letters, digits and dashes");
        assertThat(view.form.terms.getErrorMessage()).startsWith("Give at least one word or phrase");
        assertThat(view.unsaved()).isTrue();

        view.form.code.setValue("frozen-pipe");
        view.form.urgency.setValue(Urgency.EMERGENCY);
        view.form.terms.setValue("frozen pipe\npipes froze\nAND\ncan't turn\nno water");
        _click(view.form.save);
        assertThat(view.form.routing.isInvalid()).isTrue();
        assertThat(view.form.routing.getErrorMessage()).startsWith("An emergency must page the on-call ladder");

        view.form.urgency.setValue(Urgency.URGENT);
        _click(view.form.save);
        assertThat(view.form.code.isInvalid()).isFalse();
        assertThat(view.form.routing.isInvalid()).isFalse();
        assertThat(view.unsaved()).isFalse();
        assertThat(rows(view)).contains("Frozen pipe | urgent | book the earliest slot | frozen pipe, pipes froze + can't turn, no water | your own");

        view.message.setValue("I think our pipes froze, no water anywhere");
        _click(view.tryIt);
        assertThat(view.verdict.getText()).startsWith("Matches \"No water\""); // the built-in sorts first among urgent rules
        view.message.setValue("a frozen pipe and the tap can't turn");
        _click(view.tryIt);
        assertThat(view.verdict.getText()).startsWith("Matches \"Frozen pipe\"");

        _click(view.resetTrade);
        assertThat(rows(view)).contains("Frozen pipe");
    }

    @Test
    void theTenantsOwnExamplesAreCheckedAddedPerTradeAndRemoved() {
        TriageView view = openAs("triage-view-owner", AdminRole.OWNER);
        view.trade.setValue("plumbing");
        _click(view.addExample);
        assertThat(view.exampleText.isInvalid()).isTrue();
        assertThat(view.exampleText.getErrorMessage()).isEqualTo("Type a text as a caller would write it.");

        view.exampleText.setValue("water coming out of the light fixture in the kitchen");
        view.exampleKind.setValue("burst-pipe");
        assertThat(view.unsaved()).isTrue();
        _click(view.addExample);
        view.exampleText.setValue("drip under the bathroom sink, no rush");
        view.exampleKind.setValue(TriageView.ROUTINE);
        _click(view.addExample);

        assertThat(examples(view)).containsExactly(
                "water coming out of the light fixture in the kitchen | emergency: Burst pipe",
                "drip under the bathroom sink, no rush | not an emergency");
        assertThat(ownExamples.own(CO)).extracting(e -> e.text() + " / " + e.emergency())
                .contains("drip under the bathroom sink, no rush / false");
        assertThat(view.unsaved()).isFalse();
        view.trade.setValue("hvac");
        assertThat(examples(view)).isEmpty();

        view.trade.setValue("plumbing");
        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.examples, 1, "remove"));
        assertThat(examples(view)).containsExactly("water coming out of the light fixture in the kitchen | emergency: Burst pipe");
    }

    @Test
    void theTemperatureLimitsAreCheckedBesideTheirFieldAndSavedForAnna() {
        TriageView view = openAs("triage-view-admin", AdminRole.ADMIN);
        assertThat(view.vulnerableHeatBelow.getValue()).isEqualTo(62);

        view.anyoneHeatBelow.setValue(70);
        view.outdoorHotAbove.setValue(300);
        _click(view.saveLimits);
        assertThat(view.anyoneHeatBelow.getErrorMessage()).isEqualTo("For anyone, the limit is at most the one for a vulnerable person.");
        assertThat(view.outdoorHotAbove.getErrorMessage()).isEqualTo("Give a temperature between 80 and 130 °F.");
        assertThat(profiles.settings(CO).safety()).isEqualTo(SafetyThresholds.DEFAULTS);

        UI.getCurrent().navigate("dashboard");
        assertThat(LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(TriageView.class)).hasSize(1);

        view.anyoneHeatBelow.setValue(50);
        view.outdoorHotAbove.setValue(105);
        view.vulnerableHeatBelow.setValue(65);
        _click(view.saveLimits);
        assertThat(profiles.settings(CO).safety()).isEqualTo(new SafetyThresholds(65, 85, 35, 105, 50, 95));
        assertThat(view.unsaved()).isFalse();
    }

    @Test
    void theOfficeMayNotChangeTriageRules() {
        signIn(CO, "triage-view-office", AdminRole.OFFICE);

        assertThatThrownBy(() -> UI.getCurrent().navigate(TriageView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        LocatorJ._assertNone(TriageView.class);
    }

    private TriageView openAs(String user, AdminRole role) {
        signIn(CO, user, role);
        return open(TriageView.class);
    }

    private static int indexOf(TriageView view, String code) {
        return IntStream.range(0, GridKt._size(view.rules))
                .filter(i -> GridKt._getFormattedRow(view.rules, i).getFirst().equals(code)).findFirst().orElseThrow();
    }

    private static java.util.List<String> examples(TriageView view) {
        return IntStream.range(0, GridKt._size(view.examples))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(view.examples, i).subList(0, 2))).toList();
    }

    private static String rows(TriageView view) {
        view.showRules();
        return String.join("\n", IntStream.range(0, GridKt._size(view.rules))
                .mapToObj(i -> String.join(" | ", GridKt._getFormattedRow(view.rules, i))).toList());
    }
}
