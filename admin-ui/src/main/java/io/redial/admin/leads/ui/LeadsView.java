package io.redial.admin.leads.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.redial.admin.Lists;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.security.TenantScope;
import io.redial.leads.LeadReview;
import io.redial.leads.LeadStatus;
import io.redial.leads.Urgency;
import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/** Every lead of the tenant, newest first, filtered by status, trade, urgency, line and date. */
@Route(value = "leads", layout = MainLayout.class)
@PageTitle("Leads · Redial")
@PermitAll
class LeadsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", java.util.Locale.US);

    final Select<String> status = filter("Status", Arrays.stream(LeadStatus.values()).map(Enum::name).toList());
    final Select<String> trade;
    final Select<String> urgency = filter("Urgency", Arrays.stream(Urgency.values()).map(Enum::name).toList());
    final Select<String> line;
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<LeadReview.Row> leads = new Grid<>();
    final Paragraph empty = new Paragraph();
    private final LeadReview review;
    private final Tenant tenant;
    private final PhoneFormat phones;

    LeadsView(LeadReview review, TenantScope scope) {
        this.review = review;
        this.tenant = scope.tenant().orElseThrow();
        this.phones = PhoneFormat.of(scope);
        trade = filter("Trade", tenant.trades());
        line = filter("Line", scope.lines().stream().map(PhoneNumber::e164).toList());
        line.setItemLabelGenerator(v -> v == null ? "Any" : phones.show(new PhoneNumber(v)));
        status.setItemLabelGenerator(v -> v == null ? "Any" : statusWord(LeadStatus.valueOf(v)));
        empty.setId("leads-empty");
        List.of(from, to).forEach(d -> d.addValueChangeListener(e -> show()));
        configureGrid();
        setSizeFull();
        HorizontalLayout filters = new HorizontalLayout(status, trade, urgency, line, from, to);
        filters.setWrap(true);
        add(new H2("Leads"), filters, empty, leads);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private Select<String> filter(String label, List<String> values) {
        Select<String> select = new Select<>();
        select.setLabel(label);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption("Any");
        select.setItems(values);
        select.setItemLabelGenerator(v -> v == null ? "Any" : v.toLowerCase().replace('_', ' '));
        select.addValueChangeListener(e -> show());
        select.setWidth("10rem");
        return select;
    }

    private void configureGrid() {
        leads.setId("leads");
        ZoneId zone = tenant.zone();
        leads.addComponentColumn(r -> Lists.nowrap(TIME.format(r.createdAt().atZone(zone)))).setHeader("Created").setAutoWidth(true)
                .setFlexGrow(0);
        leads.addComponentColumn(r -> new RouterLink(caller(r), LeadView.class,
                        new RouteParameters("id", String.valueOf(r.id()))))
                .setHeader("Caller").setAutoWidth(true);
        leads.addColumn(r -> statusWord(r.status())).setHeader("Status").setAutoWidth(true);
        leads.addColumn(r -> r.callOutcome() == null ? "" : r.callOutcome().toLowerCase().replace('_', ' '))
                .setHeader("Call").setAutoWidth(true);
        leads.addColumn(r -> r.trade() == null ? "" : r.trade()).setHeader("Trade").setAutoWidth(true);
        leads.addColumn(r -> r.urgency() == null ? "" : r.urgency().toLowerCase()).setHeader("Urgency").setAutoWidth(true);
        leads.addColumn(r -> phones.show(r.line())).setHeader("Line").setAutoWidth(true);
        // on a phone: one column, each lead a few short lines
        Lists.compactAtPhoneWidth(leads, leads.addComponentColumn(r -> Lists.card(
                new RouterLink(caller(r), LeadView.class, new RouteParameters("id", String.valueOf(r.id()))),
                new Span(String.join(" · ", java.util.stream.Stream.of(statusWord(r.status()), r.trade(),
                        r.urgency() == null ? null : r.urgency().toLowerCase()).filter(w -> w != null).toList())),
                Lists.nowrap(TIME.format(r.createdAt().atZone(zone))))).setHeader("Lead"));
        leads.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LeadView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
    }

    void show() {
        List<LeadReview.Row> rows = review.search(tenant.id(), new LeadReview.Filter(
                status.getValue() == null ? null : LeadStatus.valueOf(status.getValue()), trade.getValue(),
                urgency.getValue() == null ? null : Urgency.valueOf(urgency.getValue()),
                line.getValue() == null ? null : new PhoneNumber(line.getValue()), from.getValue(), to.getValue(),
                tenant.zone()));
        leads.setItems(rows);
        Lists.fitToContent(leads, rows.size());
        boolean filtered = status.getValue() != null || trade.getValue() != null || urgency.getValue() != null
                || line.getValue() != null || from.getValue() != null || to.getValue() != null;
        empty.setText(!rows.isEmpty() ? "" : filtered ? "No lead matches these filters. Set a filter back to Any to see more."
                : "No leads yet. Every missed call becomes a lead: place one from the Simulator to see how it looks.");
        empty.setVisible(rows.isEmpty());
        leads.setVisible(!rows.isEmpty());
    }

    private String caller(LeadReview.Row r) {
        return r.callerName() == null ? phones.show(r.caller()) : r.callerName() + " · " + phones.show(r.caller());
    }

    /** A lead's status in the words every screen uses. */
    static String statusWord(LeadStatus status) {
        return switch (status) {
            case NEW -> "new";
            case ENGAGED -> "in conversation";
            case BOOKED -> "booked";
            case ESCALATED -> "emergency";
            case HANDED_OFF -> "with a person";
            case CLOSED -> "closed";
        };
    }
}
