package io.redial.admin.oncall.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.Forms;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.leads.ui.LeadsNavigation;
import io.redial.shared.RuleNames;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.receptionist.escalation.OnCallLadder;
import io.redial.receptionist.escalation.OnCallLadder.Rung;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The paging ladder for emergencies: people in the order they are paged, how long each has to reply 1 or YES
 * before the next is paged, who is on call now, and what recent escalations did step by step.
 */
@Route(value = "on-call", layout = MainLayout.class)
@PageTitle("On-call · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class OnCallView extends VerticalLayout implements BeforeLeaveObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm:ss a", java.util.Locale.US);

    final Span onCallNow = new Span();
    final Grid<Rung> ladder = new Grid<>();
    final TextField name = new TextField();
    final TextField number = new TextField();
    final Button add = new Button("Add to ladder");
    final IntegerField ackMinutes = new IntegerField("Minutes to acknowledge");
    final Button save = new Button("Save ladder");
    final Div escalations = new Div();
    private final List<Rung> rungs = new ArrayList<>();
    private final Binder<int[]> timeout = new Binder<>();
    private OnCallLadder.Ladder saved = new OnCallLadder.Ladder(List.of(), 0);
    private final OnCallLadder service;
    private final Tenant tenant;
    private final PhoneFormat phones;

    OnCallView(OnCallLadder service, TenantScope scope) {
        this.service = service;
        this.tenant = scope.tenant().orElseThrow();
        this.phones = PhoneFormat.of(scope);
        onCallNow.setId("on-call-now");
        onCallNow.getElement().getThemeList().add("badge success");
        configureLadder();
        escalations.setId("escalations");
        add(new H2("On-call"), onCallNow, new H3("Ladder"),
                new Paragraph("In an emergency Anna texts the first person; without a reply of 1 or YES in time, the next."),
                ladder, row(name, number, add), ackMinutes, save, new H3("Recent escalations"), escalations);
        load();
    }

    private void configureLadder() {
        ladder.setId("ladder");
        ladder.setAllRowsVisible(true);
        ladder.addColumn(r -> rungs.indexOf(r) + 1).setHeader("#").setAutoWidth(true);
        ladder.addColumn(Rung::name).setHeader("Name").setAutoWidth(true);
        ladder.addColumn(r -> phones.show(r.phone())).setHeader("Phone").setAutoWidth(true);
        ladder.addComponentColumn(r -> new HorizontalLayout(
                small("↑", () -> move(r, -1)), small("↓", () -> move(r, 1)), small("Remove", () -> rungs.remove(r))))
                .setHeader("").setKey("actions").setFlexGrow(1);
        name.setPlaceholder("Name");
        number.setPlaceholder("(512) 555-0100");
        add.addClickListener(e -> {
            try {
                Rung rung = OnCallLadder.rung(name.getValue(), number.getValue());
                if (rungs.stream().anyMatch(r -> r.phone().equals(rung.phone()))) {
                    Forms.refuse(number, phones.show(rung.phone()) + " is already on the ladder.");
                    return;
                }
                rungs.add(rung);
                name.clear();
                number.clear();
                number.setInvalid(false);
            } catch (IllegalArgumentException invalid) {
                Forms.refuse(number, invalid.getMessage());
            }
            ladder.setItems(rungs);
        });
        ackMinutes.setHelperText("before the next person is paged");
        ackMinutes.setStepButtonsVisible(true);
        timeout.forField(ackMinutes).asRequired("Say how many minutes someone has to acknowledge.")
                .withValidator(m -> m >= 1 && m <= 60, "The acknowledgement timeout must be between 1 and 60 minutes.")
                .bind(t -> t[0], (t, m) -> t[0] = m);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
    }

    void load() {
        OnCallLadder.Ladder current = service.ladder(tenant.id());
        rungs.clear();
        rungs.addAll(current.rungs());
        ladder.setItems(rungs);
        saved = current;
        timeout.readBean(new int[] {current.ackMinutes()});
        onCallNow.setText(service.onCallNow(tenant.id())
                .map(r -> "On call now: " + (r.name().isBlank() ? "" : r.name() + " · ") + phones.show(r.phone()))
                .orElse("Nobody is on call: emergencies are flagged for your team in the console only."));
        showEscalations();
    }

    /** Changes to the ladder or its timeout that Save has not stored yet. */
    boolean unsaved() {
        return !rungs.equals(saved.rungs()) || timeout.hasChanges();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "the on-call ladder");
    }

    private void save() {
        int[] minutes = new int[1];
        if (!Forms.valid(timeout) || !timeout.writeBeanIfValid(minutes)) {
            return;
        }
        try {
            service.save(tenant.id(), List.copyOf(rungs), minutes[0]);
            load();
            Notification.show("Ladder saved; the next emergency uses it.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            // The server's refusal beside the field it is about: a number twice goes by the number, the rest by the timeout.
            Forms.refuse(invalid.getMessage().contains("twice") ? number : ackMinutes, invalid.getMessage());
        }
    }

    private void move(Rung rung, int by) {
        int at = rungs.indexOf(rung);
        int to = at + by;
        if (to >= 0 && to < rungs.size()) {
            Collections.swap(rungs, at, to);
        }
    }

    private void showEscalations() {
        escalations.removeAll();
        List<OnCallLadder.Escalation> recent = service.recent(tenant.id(), 10);
        if (recent.isEmpty()) {
            escalations.add(new Span("No escalations yet."));
        }
        recent.forEach(e -> {
            String steps = e.steps().stream().map(s -> TIME.format(s.at().atZone(tenant.zone())) + " " + describe(s, phones))
                    .collect(Collectors.joining("\n"));
            Paragraph detail = new Paragraph(steps);
            detail.getStyle().set("white-space", "pre-line");
            H3 heading = new H3(new Anchor(LeadsNavigation.path(e.leadId()), RuleNames.plain(e.rule())),
                    new Span(" · " + e.state().toLowerCase() + " · " + TIME.format(e.openedAt().atZone(tenant.zone()))));
            escalations.add(heading, new Paragraph(e.summary()), detail);
        });
    }

    private static String describe(OnCallLadder.Step s, PhoneFormat phones) {
        String who = s.onCall() == null ? "" : " " + phones.show(s.onCall());
        return switch (s.kind()) {
            case "PAGED" -> "paged" + who + " (rung " + (s.rung() + 1) + ")";
            case "NO_ANSWER" -> "no acknowledgement in time from" + who;
            case "ACKNOWLEDGED" -> "acknowledged by" + who;
            case "EXHAUSTED" -> "nobody acknowledged; handed to a person";
            case "NO_ON_CALL" -> "nobody on call";
            case "CALLER_TOLD" -> "caller told what happens next";
            default -> s.kind().toLowerCase() + who;
        };
    }

    private Button small(String text, Runnable change) {
        Button button = new Button(text, e -> {
            change.run();
            ladder.setItems(rungs);
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }
}
