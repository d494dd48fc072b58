package io.redial.admin.hours.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.Forms;
import com.vaadin.flow.data.binder.Binder;
import io.redial.admin.MainLayout;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.shared.TenantId;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.FollowUpPolicy;
import io.redial.tenants.WeeklyHours;
import jakarta.annotation.security.RolesAllowed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * When the business counts as open (which text a missed caller gets depends on it), and when a caller who
 * never replied gets a follow-up.
 */
@Route(value = "hours", layout = MainLayout.class)
@PageTitle("Hours · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class HoursView extends VerticalLayout implements BeforeLeaveObserver {

    private static final List<Duration> FOLLOW_UP_CHOICES = List.of(Duration.ZERO, Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(24));


    final ComboBox<String> zone = new ComboBox<>("Time zone");
    final List<DayRow> days;
    final DatePicker holiday = new DatePicker("Closed on");
    final Button addHoliday = new Button("Add holiday");
    final Div holidayList = new Div();
    final Button save = new Button("Save hours");
    final Select<Duration> followUpAfter = new Select<>();
    final TimePicker quietFrom = new TimePicker("Quiet from");
    final TimePicker quietUntil = new TimePicker("until");
    final Button saveFollowUps = new Button("Save follow-ups");
    final Paragraph status = new Paragraph();
    /** Checks of the week (zone, each day's times) and of the follow-ups; values are read from the fields. */
    private final Binder<Object> week = new Binder<>();
    private final Binder<Object> followUps = new Binder<>();
    private final TreeSet<LocalDate> holidays = new TreeSet<>();
    private List<Object> saved = List.of();
    private final BusinessHours hours;
    private final TenantId tenant;

    HoursView(BusinessHours hours, TenantScope scope) {
        this.hours = hours;
        this.tenant = scope.tenantId();
        WeeklyHours current = hours.of(tenant);
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        zone.setValue(current.zone().getId());
        zone.setWidth("20rem");
        days = Arrays.stream(DayOfWeek.values()).map(d -> new DayRow(d, current.intervals())).toList();
        holidays.addAll(current.holidays());
        addHoliday.addClickListener(e -> {
            if (holiday.getValue() != null) {
                holidays.add(holiday.getValue());
                holiday.clear();
                showHolidays();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        status.setId("open-now");
        Forms.check(week, zone, "Choose the time zone your business keeps its hours in.", z -> true, "");
        days.forEach(day -> {
            Forms.check(week, day.opens, null, opens -> !day.open.getValue() || opens != null, "Set when you open.");
            Forms.check(week, day.closes, null, closes -> !day.open.getValue() || day.opens.getValue() == null
                    || (closes != null && closes.isAfter(day.opens.getValue())), "Closing time comes after opening time.");
        });
        add(new H2("Business hours"), status, zone, new H3("Every week"));
        days.forEach(this::add);
        add(new H3("Holidays"), new HorizontalLayout(holiday, addHoliday), holidayList, save);
        showHolidays();
        addFollowUps(hours.followUps(tenant));
        status.setText(hours.now(tenant));
        saved = asShown();
    }

    /** Everything on the form as it stands, to tell whether anything was changed since it was saved. */
    List<Object> asShown() {
        List<Object> shown = new java.util.ArrayList<>();
        shown.add(String.valueOf(zone.getValue()));
        days.forEach(d -> shown.add(d.open.getValue() + " " + d.opens.getValue() + " " + d.closes.getValue()));
        shown.add(List.copyOf(holidays));
        shown.add(String.valueOf(followUpAfter.getValue()) + quietFrom.getValue() + quietUntil.getValue());
        return shown;
    }

    boolean unsaved() {
        return !asShown().equals(saved);
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "the hours or follow-ups");
    }

    private void save() {
        if (!Forms.valid(week)) {
            return;
        }
        try {
            List<WeeklyHours.Interval> intervals = days.stream().flatMap(d -> d.interval().stream()).toList();
            hours.save(tenant, ZoneId.of(zone.getValue()), intervals, holidays);
            status.setText(hours.now(tenant));
            saved = remember(saved, asShown(), 0, saved.size() - 1);
            Notification.show("Hours saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (java.time.DateTimeException invalid) {
            Forms.refuse(zone, invalid.getMessage());
        } catch (IllegalArgumentException invalid) {
            Forms.refuse(days.stream().filter(d -> d.open.getValue()).findFirst().orElse(days.getFirst()).closes,
                    invalid.getMessage());
        }
    }

    private void addFollowUps(FollowUpPolicy current) {
        followUpAfter.setLabel("Text a caller who never replied once more");
        followUpAfter.setItems(FOLLOW_UP_CHOICES);
        followUpAfter.setItemLabelGenerator(HoursView::followUpLabel);
        followUpAfter.setValue(FOLLOW_UP_CHOICES.contains(current.after()) ? current.after() : Duration.ZERO);
        followUpAfter.setWidth("20rem");
        quietFrom.setValue(current.quietStart());
        quietUntil.setValue(current.quietEnd());
        saveFollowUps.addClickListener(e -> saveFollowUps());
        Forms.check(followUps, followUpAfter, "Choose when to follow up, or Never.", a -> true, "");
        Forms.check(followUps, quietFrom, "Choose when the quiet hours start.", t -> true, "");
        Forms.check(followUps, quietUntil, "Choose when the quiet hours end.", t -> true, "");
        add(new H3("Follow-ups and quiet hours"),
                new Paragraph("The instant text-back answers the caller's own call and goes at any hour. A follow-up "
                        + "does not: it waits until the quiet hours end (in the business's time zone)."),
                followUpAfter, new HorizontalLayout(quietFrom, quietUntil), saveFollowUps);
    }

    private void saveFollowUps() {
        if (!Forms.valid(followUps)) {
            return;
        }
        try {
            hours.saveFollowUps(tenant, new FollowUpPolicy(followUpAfter.getValue(), quietFrom.getValue(), quietUntil.getValue()));
            saved = remember(saved, asShown(), saved.size() - 1, saved.size());
            Notification.show("Follow-ups saved.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            Forms.refuse(quietFrom, invalid.getMessage());
        }
    }

    private static String followUpLabel(Duration after) {
        if (after.isZero()) {
            return "Never";
        }
        return after.toHours() == 24 ? "the next day" : "after " + after.toHours() + (after.toHours() == 1 ? " hour" : " hours");
    }

    /** The saved state with the parts from {@code from} to {@code to} (exclusive) as now shown: saving one section leaves the other's changes unsaved. */
    private static List<Object> remember(List<Object> saved, List<Object> shown, int from, int to) {
        List<Object> next = new java.util.ArrayList<>(saved);
        for (int i = from; i < to; i++) {
            next.set(i, shown.get(i));
        }
        return next;
    }

    private void showHolidays() {
        holidayList.removeAll();
        holidays.forEach(day -> {
            Button remove = new Button(day + " ✕", e -> {
                holidays.remove(day);
                showHolidays();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
            holidayList.add(remove);
        });
        if (holidays.isEmpty()) {
            holidayList.add(new Span("No holidays."));
        }
    }
}
