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
        days.forEach(day -> {
            check(day.closes, null, closes -> !day.open.getValue() || day.opens.getValue() == null || closes == null
                    || closes.isAfter(day.opens.getValue()), "Closing time comes after opening time.");
            check(day.opens, null, opens -> !day.open.getValue() || opens != null, "Set when you open.");
            add(day);
        });
    }

    @Override
    void store() {
        WeeklyHours current = hours.of(tenant);
        try {
            hours.save(tenant, current.zone(), days.stream().flatMap(d -> d.interval().stream()).toList(), current.holidays());
        } catch (IllegalArgumentException refused) {
            throw new Refused(days.getFirst().closes, refused.getMessage());
        }
    }
}
