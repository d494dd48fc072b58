package io.redial.admin.onboarding.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import io.redial.admin.ConsoleTest;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.CallPattern;
import io.redial.tenants.OnCallRoster;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Onboarding.Step;
import io.redial.tenants.PhoneLine;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import io.redial.tenants.TextBackTemplates;
import io.redial.tenants.WeeklyHours;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OnboardingViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("onboard-air");

    @Autowired Provisioner provisioner;
    @Autowired Onboarding onboarding;
    @Autowired Tenants tenants;
    @Autowired BusinessHours hours;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: onboard-air
                    name: Just Installed
                    timezone: America/New_York
                    lines: [{number: "+16025550200", pattern: dial, ring: ["+16025550299"]}]
                """));
        jdbc.sql("DELETE FROM onboarding_progress WHERE tenant_id = ?").param(TENANT.value()).update(); // a fresh start
    }

    @Test
    void walksThroughEveryStepSavingEachAndEndsWithATestCallInTheSimulator() {
        signIn(TENANT, "onboard-owner", AdminRole.OWNER);
        OnboardingView view = open(OnboardingView.class);
        assertThat(view.current).isEqualTo(Step.BUSINESS);

        BusinessStep business = (BusinessStep) view.shown;
        business.name.setValue("Canyon Air & Plumbing");
        business.trades.setValue(Set.of("hvac", "plumbing"));
        business.zone.setValue("America/Phoenix");
        business.jobValues.get("hvac").setValue(new BigDecimal("350"));
        assertThat(business.jobValues.get("roofing").isVisible()).isFalse();
        _click(view.next);
        Tenant tenant = tenants.find(TENANT).orElseThrow();
        assertThat(tenant.name()).isEqualTo("Canyon Air & Plumbing");
        assertThat(tenant.trades()).containsExactlyInAnyOrder("hvac", "plumbing");
        assertThat(tenant.zone()).isEqualTo(ZoneId.of("America/Phoenix"));
        assertThat(onboarding.jobValues(TENANT)).containsOnlyKeys("hvac");

        assertThat(view.current).isEqualTo(Step.HOURS);
        HoursStep hoursStep = (HoursStep) view.shown;
        hoursStep.days.getFirst().open.setValue(true);
        hoursStep.days.getFirst().opens.setValue(LocalTime.of(7, 0));
        hoursStep.days.getFirst().closes.setValue(LocalTime.of(16, 0));
        hoursStep.days.getLast().open.setValue(false);
        _click(view.next);
        WeeklyHours week = hours.of(TENANT);
        assertThat(week.zone()).isEqualTo(ZoneId.of("America/Phoenix")); // the hours step kept the new zone
        assertThat(week.intervals()).contains(new WeeklyHours.Interval(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(16, 0)));
        assertThat(week.intervals()).noneMatch(i -> i.day() == DayOfWeek.SUNDAY);

        assertThat(view.current).isEqualTo(Step.LINE);
        LineStep line = (LineStep) view.shown;
        assertThat(line.forwarding.isVisible()).isFalse();
        line.pattern.setValue(CallPattern.FORWARDED);
        line.forwardedFrom.setValue("(602) 555-0177");
        String steps = line.forwarding.getElement().getTextRecursively();
        assertThat(steps).contains("typical", "Verizon", "*716025550200", "*73", "AT&T", "*926025550200#",
                "**61*+16025550200#", "##004#");
        _click(view.next);
        PhoneLine saved = tenants.lines(TENANT).getFirst();
        assertThat(saved.pattern()).isEqualTo(CallPattern.FORWARDED);
        assertThat(saved.forwardedFrom()).isEqualTo(new PhoneNumber("+16025550177"));

        assertThat(view.current).isEqualTo(Step.TEMPLATE);
        TemplateStep template = (TemplateStep) view.shown;
        template.form.body.setValue("Hi {nickname}");
        assertThat(template.form.problem.getText()).contains("unknown merge field");
        _click(view.next);
        assertThat(view.current).isEqualTo(Step.TEMPLATE);
        template.form.body.setValue("Hi, {business} here. Sorry we missed you! Reply with what's going on.");
        assertThat(template.form.segments.getText()).startsWith("1 segment");
        _click(view.next);
        assertThat(tenants.template(TENANT, null, TextBackTemplates.BUSINESS_HOURS))
                .contains("Hi, {business} here. Sorry we missed you! Reply with what's going on.");

        assertThat(view.current).isEqualTo(Step.ON_CALL);
        OnCallStep onCall = (OnCallStep) view.shown;
        onCall.names.get(0).setValue("Rosa");
        onCall.numbers.get(0).setValue("(602) 555-0911");
        onCall.names.get(1).setValue("Sam");
        onCall.numbers.get(1).setValue("+16025550912");
        onCall.ackMinutes.setValue(7);
        _click(view.next);
        assertThat(tenants.find(TENANT).orElseThrow().onCall())
                .containsExactly(new PhoneNumber("+16025550911"), new PhoneNumber("+16025550912"));
        assertThat(onboarding.onCall(TENANT)).extracting(OnCallRoster.Person::name).containsExactly("Rosa", "Sam");
        assertThat(onboarding.onCallAckMinutes(TENANT)).isEqualTo(7);

        assertThat(view.current).isEqualTo(Step.CRM);
        assertThat(((CrmStep) view.shown).crms.getElement().getTextRecursively())
                .isEqualTo("No CRM is installed on this Redial server."); // the console's own tests install none; the browser journey sees all three
        _click(view.next); // optional: nothing to store

        assertThat(view.current).isEqualTo(Step.TEST_CALL);
        assertThat(onboarding.pending(TENANT)).isTrue();
        _click(view.testCall);
        assertThat(onboarding.pending(TENANT)).isFalse();
        var step = (OnboardingView.TestCallStep) view.shown;
        // the text-back often lands before the click returns: either way the step ends showing it
        await().pollInSameThread().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            view.showTestText();
            assertThat(step.result.getText()).isEqualTo("The caller got this text (delivered):");
        });
        // the business-hours text set above, or the built-in after-hours one, depending on when the test runs
        assertThat(step.text.getText()).startsWith("Hi").contains("Canyon Air & Plumbing");
        assertThat(step.simulator.getHref()).startsWith("simulator?caller=%2B1");
    }

    @Test
    void theFirstSignInToATenantFreshFromACrmInstallOpensTheSetup() {
        TenantId installed = context.getBean(io.redial.crm.install.CrmInstall.class).complete(
                new io.redial.crm.CrmId("hubspot"), new io.redial.crm.CrmTokens("access", "refresh",
                        java.time.Instant.now().plusSeconds(3600), "9911"));
        signIn(installed, "fresh-owner", AdminRole.OWNER);

        UI.getCurrent().navigate("");
        assertThat(shownView()).isEqualTo("OnboardingView");
        UI.getCurrent().navigate("leads");
        assertThat(shownView()).isEqualTo("LeadsView"); // only the landing screens redirect

        onboarding.finish(installed);
        UI.getCurrent().navigate("");
        assertThat(shownView()).isEqualTo("DashboardView");
    }

    @Test
    void aProvisionedTenantWithItsLinesLandsAsBefore() {
        signIn(TENANT, "onboard-owner3", AdminRole.OWNER);

        UI.getCurrent().navigate("");

        assertThat(shownView()).isEqualTo("DashboardView");
    }

    private static String shownView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getClass().getSimpleName();
    }

    @Test
    void aTenantThatLeftMidWayResumesWhereItStopped() {
        signIn(TENANT, "onboard-admin", AdminRole.ADMIN);
        OnboardingView view = open(OnboardingView.class);
        ((BusinessStep) view.shown).trades.setValue(Set.of("roofing"));
        _click(view.next);
        assertThat(view.current).isEqualTo(Step.HOURS);

        OnboardingView later = open(OnboardingView.class);

        assertThat(later.current).isEqualTo(Step.HOURS);
        _click(later.back);
        assertThat(later.current).isEqualTo(Step.BUSINESS);
        assertThat(((BusinessStep) later.shown).name.getValue()).isEqualTo("Just Installed");
    }

    @Test
    void aStepThatCannotBeSavedSaysWhyAndStays() {
        signIn(TENANT, "onboard-owner2", AdminRole.OWNER);
        OnboardingView view = open(OnboardingView.class);
        ((BusinessStep) view.shown).trades.clear();

        _click(view.next);

        assertThat(view.current).isEqualTo(Step.BUSINESS);
        BusinessStep business = (BusinessStep) view.shown;
        assertThat(business.trades.isInvalid()).isTrue();
        assertThat(business.trades.getErrorMessage()).isEqualTo("Choose at least one trade.");
        assertThat(view.shown.problem.isVisible()).isFalse(); // one place for errors: beside the field

        com.vaadin.flow.component.UI.getCurrent().navigate("dashboard");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class,
                spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(OnboardingView.class)).hasSize(1);
    }

    @Test
    void aMistypedOnCallNumberAndTimeoutAreShownBesideTheirFields() {
        signIn(TENANT, "onboard-owner3", AdminRole.OWNER);
        OnboardingView view = open(OnboardingView.class);
        view.show(Step.ON_CALL);
        OnCallStep onCall = (OnCallStep) view.shown;
        onCall.numbers.get(0).setValue("call rosa");
        onCall.ackMinutes.setValue(90);

        _click(view.next);

        assertThat(view.current).isEqualTo(Step.ON_CALL);
        assertThat(onCall.numbers.get(0).getErrorMessage()).isEqualTo("Write the mobile number as (512) 555-0911 or +1 512 555 0911.");
        assertThat(onCall.ackMinutes.getErrorMessage()).isEqualTo("The acknowledgement timeout must be between 1 and 60 minutes.");
    }
}
