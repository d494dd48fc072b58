package io.redial.admin.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import io.redial.admin.ConsoleTest;
import io.redial.calls.CallIntake;
import io.redial.calls.CarrierCall;
import io.redial.insights.Insights;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DashboardViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("dash-electric");
    static final ZoneId ZONE = ZoneId.of("America/Phoenix");

    @Autowired Provisioner provisioner;
    @Autowired CallIntake intake;
    @Autowired Insights insights;

    @BeforeEach
    void provision() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: dash-electric
                    name: Dash Electric
                    timezone: America/Phoenix
                    trades: [electrical]
                    lines: [{number: "+16025550100", pattern: forwarded}]
                  - id: dash-new
                    name: Dash New
                    timezone: America/Phoenix
                    lines: [{number: "+16025550300", pattern: forwarded}]
                """));
    }

    @Test
    void showsAMissedCallThatWasTextedBackInTheTilesAndBothCharts() {
        intake.incoming(new CarrierCall("CA" + UUID.randomUUID().toString().replace("-", ""),
                new PhoneNumber("+16025550111"), new PhoneNumber("+16025550100"), null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> insights.lastDays(TENANT, ZONE, 30).texted() == 1);
        signIn(TENANT, "dash-office", AdminRole.OFFICE);

        DashboardView view = open(DashboardView.class);

        assertThat(tile("missed")).startsWith("Missed calls1");
        assertThat(tile("texted")).isEqualTo("Texted back100%1 of 1");
        assertThat(tile("time-to-text")).startsWith("Time to text").contains(" s", "median · p95");
        assertThat(tile("booked")).isEqualTo("Booked jobs0est. $0");
        assertThat(tile("emergencies")).isEqualTo("Emergencies00 acknowledged · median —");
        assertThat(view.byDay.bars()).hasSize(30);
        assertThat(view.byDay.bars().getLast().value()).isEqualTo(1);
        assertThat(view.byDay.bars().getLast().title()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("d MMM").format(LocalDate.now(ZONE))
                        + ": 1 missed, 1 texted, 0 booked");
        int hour = ZonedDateTime.now(ZONE).getHour();
        assertThat(view.byHour.bars()).hasSize(24);
        assertThat(view.byHour.bars().get(hour).value()).isEqualTo(1);
        assertThat(view.byHour.bars().get(hour).part()).isEqualTo(1);
        assertThat(view.byHour.bars().stream().mapToInt(BarChart.Bar::value).sum()).isEqualTo(1);
        LocatorJ._assertNone(view, com.vaadin.flow.router.RouterLink.class); // provisioned, never started: no nagging
        assertThat(view.firstSteps.isAttached()).isFalse();
    }

    @Test
    void anEmptyDashboardSaysWhereToStart() {
        signIn(new TenantId("dash-new"), "dash-new-admin", AdminRole.ADMIN);

        DashboardView view = open(DashboardView.class);

        String steps = view.firstSteps.getElement().getTextRecursively();
        assertThat(steps).startsWith("No missed calls yet. Here is where to start:")
                .contains("Place a call in the Simulator: let it ring out", "Open Leads: every missed call becomes a lead");
        assertThat(LocatorJ._find(view.firstSteps, com.vaadin.flow.router.RouterLink.class))
                .extracting(com.vaadin.flow.router.RouterLink::getHref).contains("simulator", "leads");
    }

    @Test
    void anOwnerOfATenantThatLeftTheSetupMidWayIsPointedBackToIt() {
        context.getBean(io.redial.tenants.Onboarding.class).reached(new TenantId("dash-new"),
                io.redial.tenants.Onboarding.Step.HOURS);
        signIn(new TenantId("dash-new"), "dash-new-owner", AdminRole.OWNER);

        DashboardView view = open(DashboardView.class);

        assertThat(LocatorJ._get(view, com.vaadin.flow.component.html.Div.class, s -> s.withId("setup-banner"))
                .getElement().getTextRecursively()).contains("Continue the guided setup");
        assertThat(tile("missed")).isEqualTo("Missed calls0");
        assertThat(tile("texted")).isEqualTo("Texted back0%0 of 0");
    }

    private static String tile(String id) {
        return LocatorJ._get(com.vaadin.flow.component.html.Div.class, s -> s.withId("tile-" + id))
                .getElement().getTextRecursively();
    }
}
