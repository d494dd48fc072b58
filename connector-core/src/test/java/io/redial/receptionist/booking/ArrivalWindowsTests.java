package io.redial.receptionist.booking;

import io.redial.receptionist.ReceptionistSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A working day is offered as arrival windows of the tenant's length, never as one long window. */
public class ArrivalWindowsTests {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 11);

    private static List<String> windows(int from, int to, int hours) {
        return BookingWindows.arrivals(DAY, new BookingWindows.Window(DayOfWeek.FRIDAY, LocalTime.of(from, 0), LocalTime.of(to, 0), 1), hours)
                .stream().map(s -> s[0].getHour() + "-" + s[1].getHour()).toList();
    }

    @Test
    void aWorkingDayBecomesArrivalWindowsOfTheTenantsLength() {
        assertThat(windows(8, 17, 3)).containsExactly("8-11", "11-14", "14-17");
        assertThat(windows(7, 18, 3)).containsExactly("7-10", "10-13", "13-16", "16-18");
        assertThat(windows(8, 17, 4)).containsExactly("8-12", "12-16");
        assertThat(windows(8, 17, 2)).containsExactly("8-10", "10-12", "12-14", "14-16");
    }

    @Test
    void aShortWindowStaysAsTheTenantDrewIt() {
        assertThat(windows(8, 12, 3)).containsExactly("8-12");
    }

    @Test
    void theWindowLengthIsTwoToFourHours() {
        assertThatThrownBy(() -> ReceptionistSettings.DEFAULTS.withArrivalWindowHours(5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ReceptionistSettings.DEFAULTS.arrivalWindowHours()).isEqualTo(3);
    }
}
