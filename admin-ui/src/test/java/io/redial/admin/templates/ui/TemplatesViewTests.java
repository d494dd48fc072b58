package io.redial.admin.templates.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.redial.admin.ConsoleTest;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TemplatesViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("tpl-roofing");

    @Autowired Provisioner provisioner;
    @Autowired io.redial.simulator.SandboxPhone phone;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: tpl-roofing
                    name: Template Roofing
                    timezone: America/Denver
                    lines: [{number: "+17205550100", pattern: forwarded}]
                    templates:
                      business_hours: "Hi, {business} here. Sorry we missed you! Call {callback_number}."
                """));
    }

    @Test
    void showsTheTemplateWithItsMergeFieldsFilledAndItsSegmentCount() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);

        TemplatesView view = open(TemplatesView.class);

        assertThat(view.businessHours.body.getValue()).startsWith("Hi, {business} here.");
        assertThat(view.businessHours.preview.getText()).isEqualTo("Hi, Template Roofing here. Sorry we missed you! Call (720) 555-0100.");
        assertThat(view.businessHours.segments.getText()).startsWith("1 segment · ").contains("GSM-7");
        assertThat(view.businessHours.problem.isVisible()).isFalse();
    }

    @Test
    void refusesAnUnknownMergeFieldOrAThirdSegmentWhileTyping() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);

        view.afterHours.body.setValue("Hi {nickname}, we're closed.");
        assertThat(view.afterHours.problem.getText()).contains("unknown merge field {nickname}");
        assertThat(view.afterHours.save.isEnabled()).isFalse();

        view.afterHours.body.setValue("We're closed 🌙 " + "x".repeat(140));
        assertThat(view.afterHours.segments.getText()).contains("UCS-2").startsWith("3 segments");
        assertThat(view.afterHours.problem.getText()).contains("at most 2");
    }

    @Test
    void aCallerWhoWroteSpanishBeforeGetsTheSpanishTextAndOthersTheEnglishOne() {
        jdbc.sql("DELETE FROM message_templates WHERE tenant_id = ? AND kind LIKE '%.es'").param(TENANT.value()).update();
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);
        view.languages.setSelectedIndex(1);
        assertThat(view.businessHoursEs.getParent().orElseThrow().isVisible()).isTrue(); // the Spanish tab shows
        assertThat(view.businessHours.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.businessHoursEs.body.getValue()).isEmpty();

        view.businessHoursEs.body.setValue("Hola {caller_first_name}, habla {business}.");
        assertThat(view.businessHoursEs.body.getErrorMessage()).isEqualTo("{caller_first_name} reads in English, so the Spanish text cannot use it");
        assertThat(view.businessHoursEs.save.isEnabled()).isFalse();
        String spanish = "Hola, habla {business}. Perdón por no contestar. Responda aquí o llame al {callback_number}.";
        for (TemplateForm form : java.util.List.of(view.businessHoursEs, view.afterHoursEs)) {
            form.body.setValue(spanish);
            assertThat(form.preview.getText()).startsWith("Hola, habla Template Roofing. Perdón");
            _click(form.save);
        }
        assertThat(view.repeatCallEs.sendTest.isEnabled()).isFalse();
        assertThat(view.repeatCallEs.sendTest.getTooltip().getText()).isEqualTo("Write the text first.");
        view.repeatCallEs.body.setValue("{business} otra vez: vimos que llamó de nuevo. Responda aquí.");
        assertThat(view.repeatCallEs.preview.getText()).isEqualTo("Template Roofing otra vez: vimos que llamó de nuevo. Responda aquí.");
        assertThat(view.repeatCallEs.sendTest.isEnabled()).isTrue();
        _click(view.repeatCallEs.save);
        assertThat(view.unsaved()).isFalse();

        PhoneNumber line = new PhoneNumber("+17205550100");
        PhoneNumber wroteSpanish = new PhoneNumber("+17205550161");
        phone.textFromCaller(TENANT, line, wroteSpanish, "hola, se descompuso el aire acondicionado de la casa");
        await().atMost(Duration.ofSeconds(30)).until(() -> phone.thread(TENANT, wroteSpanish).stream().anyMatch(t -> !t.fromCaller()));
        phone.missedCall(TENANT, line, wroteSpanish);
        PhoneNumber stranger = new PhoneNumber("+17205550162");
        phone.missedCall(TENANT, line, stranger);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(phone.thread(TENANT, wroteSpanish)).anySatisfy(t -> assertThat(t.body()).isEqualTo(
                    "Hola, habla Template Roofing. Perdón por no contestar. Responda aquí o llame al (720) 555-0100."));
            assertThat(phone.thread(TENANT, stranger)).anySatisfy(t -> assertThat(t.body()).doesNotContain("Hola"));
        });
        phone.missedCall(TENANT, line, wroteSpanish); // again, before replying: the Spanish repeat-call text
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(phone.thread(TENANT, wroteSpanish))
                .anySatisfy(t -> assertThat(t.body()).isEqualTo("Template Roofing otra vez: vimos que llamó de nuevo. Responda aquí.")));

        view.businessHoursEs.body.clear();
        _click(view.businessHoursEs.save);
        assertThat(open(TemplatesView.class).businessHoursEs.body.getValue()).isEmpty();
    }

    @Test
    void savesAValidTemplateForTheNextCaller() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);

        view.afterHours.body.setValue("{business} here: we're {hours_today}. Reply and we'll call first thing.");
        _click(view.afterHours.save);

        assertThat(open(TemplatesView.class).afterHours.body.getValue()).startsWith("{business} here: we're");
    }

    @Test
    void aTextThatWouldReadWrongCanNeitherBeSavedNorSentAsATest() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);

        view.afterHours.body.setValue("We're open {hours_today}.");

        assertThat(view.afterHours.problem.getText()).contains("{hours_today} goes right after \"We're\"");
        assertThat(view.afterHours.save.isEnabled()).isFalse();
        assertThat(view.afterHours.sendTest.isEnabled()).isFalse();
        assertThat(view.afterHours.sendTest.getTooltip().getText()).startsWith("Fix the text first: {hours_today}");
        assertThat(view.afterHours.preview.getText()).matches("We're open (open until|closed) .*");
        assertThat(view.afterHours.body.isInvalid()).isTrue();
        assertThat(view.afterHours.body.getErrorMessage()).startsWith("{hours_today} goes right after");
    }

    @Test
    void leavingWithAnUnsavedTextAsksFirst() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);
        assertThat(view.unsaved()).isFalse();

        view.followUp.body.setValue("{business} again: still need a hand? Reply here. STOP to opt out.");
        UI.getCurrent().navigate("dashboard");

        assertThat(LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(TemplatesView.class)).hasSize(1);
        _click(view.followUp.save);
        assertThat(view.unsaved()).isFalse();
    }

    @Test
    void theFollowUpTextStartsAsTheBuiltInOneAndCanBeChanged() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);
        assertThat(view.followUp.body.getValue()).startsWith("Hi {caller_first_name}, {business} here again.");

        view.followUp.body.setValue("{business} again: still need that roof looked at? Reply here. STOP to opt out.");
        _click(view.followUp.save);

        assertThat(open(TemplatesView.class).followUp.body.getValue()).startsWith("{business} again: still need");
    }

    @Test
    void sendsATestToTheSimulatorsPhone() {
        signIn(TENANT, "tpl-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);

        _click(view.businessHours.sendTest);

        var simulator = LocatorJ._get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("phone"));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            UI.getCurrent().refreshCurrentRoute(false);
            assertThat(LocatorJ._get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("phone"))
                    .getElement().getTextRecursively()).contains("Hi, Template Roofing here.", "delivered");
        });
        assertThat(simulator).isNotNull();
    }

    @Test
    void withoutAPhoneLineTheTestIsDisabledAndSaysWhy() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: tpl-no-line
                    name: No Line Yet Roofing
                    timezone: America/Denver
                """));
        signIn(new TenantId("tpl-no-line"), "tpl-no-line-owner", AdminRole.OWNER);
        TemplatesView view = open(TemplatesView.class);

        assertThat(view.businessHours.save.isEnabled()).isTrue();
        assertThat(view.businessHours.sendTest.isEnabled()).isFalse();
        assertThat(view.businessHours.sendTest.getTooltip().getText()).startsWith("Add a phone line first");
        view.businessHours.body.setValue("Hi, {business} here. Reply or call us.");
        assertThat(view.businessHours.sendTest.isEnabled()).isFalse();
    }

    @Test
    void theOfficeMayNotChangeTemplates() {
        signIn(TENANT, "tpl-office", AdminRole.OFFICE);

        // Karibu turns Vaadin's access-denied error view into an exception.
        assertThatThrownBy(() -> UI.getCurrent().navigate(TemplatesView.class))
                .isInstanceOf(com.github.mvysny.kaributesting.v10.MockAccessDeniedException.class);
        LocatorJ._assertNone(TemplatesView.class);
    }
}
