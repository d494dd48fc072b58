package io.redial.admin.hours.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.timepicker.TimePicker;
import io.redial.tenants.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One weekday: open or closed, and from when to when (one stretch a day). Reused by onboarding. */
public class DayRow extends HorizontalLayout {

    final DayOfWeek day;
    public final Checkbox open = new Checkbox();
    public final TimePicker opens = new TimePicker();
    public final TimePicker closes = new TimePicker();

    public DayRow(DayOfWeek day, List<WeeklyHours.Interval> intervals) {
        this.day = day;
        setId("day-" + day.name().toLowerCase(Locale.ROOT));
        setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        setWrap(true); // on a phone the times go under the day's name
        Span name = new Span(day.getDisplayName(TextStyle.FULL, Locale.US));
        name.setWidth("7rem");
        for (TimePicker picker : List.of(opens, closes)) {
            picker.setStep(Duration.ofMinutes(30));
            picker.setWidth("8rem");
        }
        List<WeeklyHours.Interval> today = intervals.stream().filter(i -> i.day() == day).toList();
        open.setLabel("Open");
        open.setValue(!today.isEmpty());
        opens.setValue(today.isEmpty() ? LocalTime.of(8, 0) : today.getFirst().opens());
        closes.setValue(today.isEmpty() ? LocalTime.of(17, 0) : today.getLast().closes());
        open.addValueChangeListener(e -> enableTimes());
        enableTimes();
        add(name, open, opens, new Span("to"), closes);
    }

    /** @throws IllegalArgumentException when an open day closes before it opens */
    public Optional<WeeklyHours.Interval> interval() {
        if (!open.getValue()) {
            return Optional.empty();
        }
        if (opens.getValue() == null || closes.getValue() == null) {
            throw new IllegalArgumentException("set both times for " + day.name().toLowerCase(Locale.ROOT));
        }
        return Optional.of(new WeeklyHours.Interval(day, opens.getValue(), closes.getValue()));
    }

    private void enableTimes() {
        opens.setEnabled(open.getValue());
        closes.setEnabled(open.getValue());
    }
}
