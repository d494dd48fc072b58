package io.redial.admin.lines.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.tenants.CallPattern;
import io.redial.tenants.LineSettings;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** The tenant's phone lines: call pattern, ring list, ring timeout, screening and text pace, each editable. */
@Route(value = "lines", layout = MainLayout.class)
@PageTitle("Phone lines · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class LinesView extends VerticalLayout {

    final Grid<LineSettings.Line> lines = new Grid<>();
    final LineForm form = new LineForm();
    private final LineSettings settings;
    private final TenantId tenant;
    private final PhoneFormat phones;

    LinesView(LineSettings settings, TenantScope scope) {
        this.settings = settings;
        this.tenant = scope.tenantId();
        this.phones = PhoneFormat.of(scope);
        configureGrid();
        form.onSave(e -> save());
        add(new H2("Phone lines"), new Paragraph("Click a line to change how its calls ring and how fast it texts."),
                lines, form);
        show();
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
        lines.addItemClickListener(e -> form.edit(e.getItem()));
    }

    void show() {
        lines.setItems(settings.lines(tenant));
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
