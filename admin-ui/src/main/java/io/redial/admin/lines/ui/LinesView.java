package io.redial.admin.lines.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.lines.LineDelivery;
import io.redial.lines.LineReadiness;
import io.redial.lines.UnreachedAlerts;
import io.redial.shared.PhoneNumber;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.shared.TenantId;
import io.redial.tenants.CallPattern;
import io.redial.tenants.LineSettings;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tenant's phone lines: call pattern, ring list, ring timeout, screening and text pace, each editable; whether
 * each may text US phones (its registration, the next step, its Messaging Service) and how many of its texts
 * arrived; and who is texted when a text-back does not arrive.
 */
@Route(value = "lines", layout = MainLayout.class)
@PageTitle("Phone lines · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class LinesView extends VerticalLayout implements com.vaadin.flow.router.BeforeLeaveObserver {

    final Grid<LineSettings.Line> lines = new Grid<>();
    final LineForm form = new LineForm();
    final LineReadinessPanel readinessPanel;
    final TextField alertPhone = new TextField("Staff phone to text when a text-back does not arrive");
    final Button saveAlertPhone = new Button("Save");
    private final LineSettings settings;
    private final Lines lineServices;
    private final TenantId tenant;
    private final PhoneFormat phones;
    private Map<Long, LineReadiness.LineState> readiness = Map.of();
    private Map<PhoneNumber, LineDelivery.Rate> delivery = Map.of();

    /** The line services this screen uses beside {@link LineSettings}. */
    record Lines(LineReadiness readiness, LineDelivery delivery, UnreachedAlerts alerts) {
    }

    LinesView(LineSettings settings, LineReadiness readiness, LineDelivery delivery, UnreachedAlerts alerts,
            TenantScope scope, TwilioAccount twilio) {
        this.settings = settings;
        this.lineServices = new Lines(readiness, delivery, alerts);
        this.tenant = scope.tenantId();
        this.phones = PhoneFormat.of(scope);
        this.readinessPanel = new LineReadinessPanel(twilio.sandbox());
        configureGrid();
        form.onSave(e -> save());
        configureReadiness();
        add(new H2("Phone lines"), new Paragraph("Click a line to change how its calls ring and how fast it texts,"
                + " and to see whether carriers let it text."), lines, form, readinessPanel, alertSection());
        show();
    }

    private void configureReadiness() {
        readinessPanel.checkNow.addClickListener(e -> act(line -> lineServices.readiness().checkNow(tenant, line.lineId())));
        readinessPanel.saveService.addClickListener(e -> act(line -> {
            lineServices.readiness().useMessagingService(tenant, line.lineId(), readinessPanel.service.getValue());
            return lineServices.readiness().checkNow(tenant, line.lineId());
        }));
        readinessPanel.simulate.addValueChangeListener(e -> {
            LineReadiness.LineState line = readinessPanel.shown();
            if (line != null && e.getValue() != null && e.getValue() != line.registration().state()) {
                act(l -> {
                    lineServices.readiness().simulate(tenant, l.lineId(), e.getValue());
                    return lineServices.readiness().line(tenant, l.lineId()).orElseThrow();
                });
            }
        });
    }

    /** Runs an action on the shown line's registration, then shows the line as it now is. */
    private void act(Function<LineReadiness.LineState, LineReadiness.LineState> action) {
        LineReadiness.LineState line = readinessPanel.shown();
        if (line == null) {
            return;
        }
        try {
            readinessPanel.show(action.apply(line));
            show();
        } catch (IllegalArgumentException invalid) {
            Notification.show(invalid.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (RuntimeException carrierDown) {
            Notification.show("Twilio could not be asked just now; the last known state stays. " + carrierDown.getMessage(),
                    5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
    }

    private VerticalLayout alertSection() {
        alertPhone.setId("alert-phone");
        alertPhone.setWidth("20rem");
        alertPhone.setHelperText("Texted at once, with the caller's number, when carriers do not deliver a text-back."
                + " Empty: the console notice only.");
        alertPhone.setValue(lineServices.alerts().phone(tenant).map(PhoneNumber::e164).orElse(""));
        saveAlertPhone.addClickListener(e -> saveAlertPhone());
        VerticalLayout section = new VerticalLayout(new H3("When a text-back does not arrive"),
                new Paragraph("Redial marks the lead \"not reached by text\" with the carrier's reason, puts a call-back"
                        + " task in your CRM, shows a notice here and texts this phone."),
                new HorizontalLayout(alertPhone, saveAlertPhone));
        section.setPadding(false);
        return section;
    }

    private void saveAlertPhone() {
        try {
            String typed = alertPhone.getValue();
            lineServices.alerts().use(tenant, typed.isBlank() ? null : LineSettings.number(typed));
            alertPhone.setInvalid(false);
            Notification.show("Saved.", 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            alertPhone.setErrorMessage(invalid.getMessage());
            alertPhone.setInvalid(true);
        }
    }

    private void configureGrid() {
        lines.setId("lines");
        lines.setAllRowsVisible(true);
        lines.addColumn(l -> phones.show(l.number())).setHeader("Number").setAutoWidth(true);
        lines.addColumn(l -> l.pattern() == CallPattern.DIAL ? "Redial rings your phones" : "Your carrier forwards missed calls")
                .setHeader("How calls arrive").setAutoWidth(true);
        lines.addColumn(this::ringing).setHeader("Ring list").setFlexGrow(1);
        lines.addColumn(l -> "up to " + (l.sendsPerMinute() == null ? l.tenantSendsPerMinute() + " texts a minute (the business's pace)"
                : l.sendsPerMinute() + " texts a minute")).setHeader("Texting pace").setAutoWidth(true);
        lines.addComponentColumn(l -> readiness.containsKey(l.id()) ? LineHealth.badge(readiness.get(l.id())) : new Span())
                .setHeader("Texting").setAutoWidth(true);
        lines.addColumn(this::delivered).setHeader("Delivered (30 days)").setAutoWidth(true);
        lines.addItemClickListener(e -> {
            form.edit(e.getItem());
            LineReadiness.LineState line = readiness.get(e.getItem().id());
            if (line != null) {
                readinessPanel.show(line);
            }
        });
    }

    void show() {
        readiness = lineServices.readiness().of(tenant).stream()
                .collect(Collectors.toMap(LineReadiness.LineState::lineId, Function.identity()));
        delivery = lineServices.delivery().rates(tenant, LineHealth.DELIVERY_WINDOW).stream()
                .collect(Collectors.toMap(LineDelivery.Rate::line, Function.identity()));
        lines.setItems(settings.lines(tenant));
    }

    private String delivered(LineSettings.Line l) {
        LineDelivery.Rate rate = delivery.get(l.number());
        return rate == null || rate.settled() == 0 ? "no reports yet" : rate.percent() + "% of " + rate.settled();
    }

    boolean unsaved() {
        return form.unsaved();
    }

    @Override
    public void beforeLeave(com.vaadin.flow.router.BeforeLeaveEvent event) {
        io.redial.admin.UnsavedChanges.askBeforeLeaving(event, this::unsaved, "a phone line");
    }

    private void save() {
        try {
            LineSettings.Line line = form.read();
            settings.save(tenant, line);
            show();
            settings.line(tenant, line.id()).ifPresent(form::edit);
            Notification.show("Line saved; the next call uses it.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException invalid) {
            form.showProblem(invalid.getMessage());
        }
    }

    private String ringing(LineSettings.Line l) {
        if (l.pattern() == CallPattern.FORWARDED) {
            return l.forwardedFrom() == null ? "" : "forwarded from " + phones.show(l.forwardedFrom());
        }
        return l.ringList().stream().map(phones::show).collect(Collectors.joining(", "))
                + (l.ringInOrder() ? " · one after another" : " · all at once") + " · " + l.ringTimeoutSeconds()
                + " seconds each" + (l.screening() ? " · screened" : "");
    }
}
