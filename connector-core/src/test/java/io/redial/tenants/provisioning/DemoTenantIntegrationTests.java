package io.redial.tenants.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.shared.TenantId;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.Tenants;
import io.redial.tenants.WeeklyHours;
import io.redial.testing.CoreTestApplication;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The sandbox's demo contractor is seeded once; a restart keeps what the person trying Redial changed. */
@SpringBootTest(classes = CoreTestApplication.class)
class DemoTenantIntegrationTests {

    static final TenantId DEMO = new TenantId("demo-hvac");

    @Autowired ProvisioningOnStartup startup;
    @Autowired BusinessHours hours;
    @Autowired Tenants tenants;

    @Test
    void aRestartKeepsTheConsolesChangesToTheDemoTenant() {
        assertThat(tenants.find(DEMO)).as("seeded at the first start").isPresent();
        var sundays = List.of(new WeeklyHours.Interval(DayOfWeek.SUNDAY, LocalTime.of(10, 0), LocalTime.of(14, 0)));
        hours.save(DEMO, ZoneId.of("America/Denver"), sundays, Set.of());

        startup.start(); // what the next start of the app does

        WeeklyHours after = hours.of(DEMO);
        assertThat(after.zone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(after.intervals()).isEqualTo(sundays);
    }
}
