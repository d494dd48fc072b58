package io.redial.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class FollowUpPolicyTests {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    final FollowUpPolicy overnight = new FollowUpPolicy(Duration.ofHours(2), LocalTime.of(21, 0), LocalTime.of(8, 0));
    final FollowUpPolicy midday = new FollowUpPolicy(Duration.ofHours(2), LocalTime.of(12, 0), LocalTime.of(13, 0));

    @Test
    void quietHoursMayRunAcrossMidnight() {
        assertThat(overnight.isQuiet(LocalTime.of(21, 0))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(23, 59))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(7, 59))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(8, 0))).isFalse();
        assertThat(overnight.isQuiet(LocalTime.of(20, 59))).isFalse();
        assertThat(midday.isQuiet(LocalTime.of(12, 30))).isTrue();
        assertThat(midday.isQuiet(LocalTime.of(13, 0))).isFalse();
    }

    @Test
    void aFollowUpDueInQuietHoursWaitsForTheirEndInTheTenantsZone() {
        Instant lateEvening = at(2026, 11, 26, 22, 30);
        Instant earlyMorning = at(2026, 11, 27, 6, 0);
        Instant afternoon = at(2026, 11, 27, 15, 0);

        assertThat(overnight.earliestSend(lateEvening, CHICAGO)).isEqualTo(at(2026, 11, 27, 8, 0));
        assertThat(overnight.earliestSend(earlyMorning, CHICAGO)).isEqualTo(at(2026, 11, 27, 8, 0));
        assertThat(overnight.earliestSend(afternoon, CHICAGO)).isEqualTo(afternoon);
        assertThat(midday.earliestSend(at(2026, 11, 27, 12, 15), CHICAGO)).isEqualTo(at(2026, 11, 27, 13, 0));
    }

    @Test
    void offMeansNeverAndNonsenseIsRefused() {
        assertThat(FollowUpPolicy.OFF.enabled()).isFalse();
        assertThat(overnight.enabled()).isTrue();
        assertThatThrownBy(() -> new FollowUpPolicy(Duration.ofDays(8), LocalTime.NOON, LocalTime.MIDNIGHT))
                .hasMessageContaining("within 7 days");
        assertThatThrownBy(() -> new FollowUpPolicy(Duration.ofHours(1), LocalTime.NOON, LocalTime.NOON))
                .hasMessageContaining("different times");
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, CHICAGO).toInstant();
    }
}
