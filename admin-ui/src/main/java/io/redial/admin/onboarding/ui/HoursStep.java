package io.redial.admin.onboarding.ui;

import io.redial.admin.hours.ui.DayRow;
import io.redial.shared.TenantId;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.List;

/** Weekly hours: inside them a missed caller gets the business-hours text, outside the after-hours one. */
class HoursStep extends SetupStep {

    final List<DayRow> days;
    private final BusinessHours hours;
    private final TenantId tenant;

    HoursStep(BusinessHours hours, TenantId tenant) {
        super("Opening hours", "Inside these hours a missed caller hears you'll call back soon; outside them, "
                + "when you open. Holidays and quiet hours are on the Hours screen.");
        this.hours = hours;
        this.tenant = tenant;
        WeeklyHours current = hours.of(tenant);
        days = Arrays.stream(DayOfWeek.values()).map(d -> new DayRow(d, current.intervals())).toList();
        days.forEach(this::add);
        add(problem);
    }

    @Override
    void store() {
        WeeklyHours current = hours.of(tenant);
        hours.save(tenant, current.zone(), days.stream().flatMap(d -> d.interval().stream()).toList(), current.holidays());
    }
}
