package io.redial.admin.hours.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import io.redial.admin.ConsoleTest;
import io.redial.shared.TenantId;
import io.redial.tenants.AdminRole;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.FollowUpPolicy;
import io.redial.tenants.WeeklyHours;
import io.redial.tenants.provisioning.Provisioner;
import io.redial.tenants.provisioning.ProvisioningFile;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HoursViewTests extends ConsoleTest {

    static final TenantId TENANT = new TenantId("hours-hvac");

    @Autowired Provisioner provisioner;
    @Autowired BusinessHours businessHours;

    @BeforeEach
    void provisionAndSignIn() {
        provisioner.apply(ProvisioningFile.parse("""
                tenants:
                  - id: hours-hvac
                    name: Hours HVAC
                    timezone: America/Chicago
                    hours: {mon-fri: "07:00-18:00", sat: "08:00-12:00"}
                    holidays: ["2026-12-25"]
                    lines: [{number: "+17375552100", pattern: forwarded}]
                """));
        signIn(TENANT, "hours-owner", AdminRole.OWNER);
    }

    @Test
    void showsTheWeekAndTheHolidaysAsStored() {
        HoursView view = open(HoursView.class);

        assertThat(view.zone.getValue()).isEqualTo("America/Chicago");
        DayRow monday = view.days.getFirst();
        assertThat(monday.open.getValue()).isTrue();
        assertThat(monday.opens.getValue()).isEqualTo(LocalTime.of(7, 0));
        assertThat(monday.closes.getValue()).isEqualTo(LocalTime.of(18, 0));
        assertThat(view.days.get(6).open.getValue()).isFalse(); // Sunday
        assertThat(view.holidayList.getElement().getTextRecursively()).contains("2026-12-25");
        assertThat(view.status.getText()).matches("Right now: we're (open until|closed) .*\\.");
    }

    @Test
    void leavingWithUnsavedHoursAsksFirstAndSavingClearsIt() {
        HoursView view = open(HoursView.class);
        assertThat(view.unsaved()).isFalse();

        view.days.get(2).closes.setValue(LocalTime.of(19, 0));
        UI.getCurrent().navigate("dashboard");

        assertThat(LocatorJ._get(ConfirmDialog.class, spec -> spec.withId("unsaved-changes")).isOpened()).isTrue();
        assertThat(LocatorJ._find(HoursView.class)).hasSize(1);
        _click(view.save);
        assertThat(view.unsaved()).isFalse();
    }

    @Test
    void savesZoneWeekAndHolidaysForTheTextBack() {
        HoursView view = open(HoursView.class);

        view.zone.setValue("America/Denver");
        view.days.get(5).open.setValue(false); // no more Saturdays
        view.days.get(2).closes.setValue(LocalTime.of(20, 0)); // late Wednesdays
        view.holiday.setValue(LocalDate.of(2027, 7, 4));
        _click(view.addHoliday);
        _click(view.save);

        WeeklyHours saved = businessHours.of(TENANT);
        assertThat(saved.zone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(saved.intervals()).noneMatch(i -> i.day() == DayOfWeek.SATURDAY)
                .contains(new WeeklyHours.Interval(DayOfWeek.WEDNESDAY, LocalTime.of(7, 0), LocalTime.of(20, 0)));
        assertThat(saved.holidays()).containsExactlyInAnyOrder(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 7, 4));
        assertThat(view.zone.isInvalid()).isFalse();
    }

    @Test
    void refusesADayThatClosesBeforeItOpensAndKeepsTheStoredHours() {
        HoursView view = open(HoursView.class);

        view.days.get(0).closes.setValue(LocalTime.of(6, 0));
        _click(view.save);

        assertThat(view.days.get(0).closes.isInvalid()).isTrue();
        assertThat(view.days.get(0).closes.getErrorMessage()).isEqualTo("Closing time comes after opening time.");
        assertThat(businessHours.of(TENANT).intervals())
                .contains(new WeeklyHours.Interval(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(18, 0)));
    }

    @Test
    void followUpsAreOffUntilChosenAndWaitOutTheQuietHours() {
        HoursView view = open(HoursView.class);
        assertThat(view.followUpAfter.getValue()).isEqualTo(Duration.ZERO);
        assertThat(view.quietFrom.getValue()).isEqualTo(LocalTime.of(21, 0));
        assertThat(view.quietUntil.getValue()).isEqualTo(LocalTime.of(8, 0));

        view.followUpAfter.setValue(Duration.ofHours(2));
        view.quietFrom.setValue(LocalTime.of(20, 0));
        _click(view.saveFollowUps);

        assertThat(businessHours.followUps(TENANT))
                .isEqualTo(new FollowUpPolicy(Duration.ofHours(2), LocalTime.of(20, 0), LocalTime.of(8, 0)));
        assertThat(open(HoursView.class).followUpAfter.getValue()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void quietHoursThatStartWhenTheyEndAreRefused() {
        HoursView view = open(HoursView.class);

        view.followUpAfter.setValue(Duration.ofHours(1));
        view.quietFrom.setValue(LocalTime.of(8, 0));
        _click(view.saveFollowUps);

        assertThat(view.quietFrom.isInvalid()).isTrue();
        assertThat(view.quietFrom.getErrorMessage()).contains("different times");
        assertThat(businessHours.followUps(TENANT).enabled()).isFalse();
    }
}
