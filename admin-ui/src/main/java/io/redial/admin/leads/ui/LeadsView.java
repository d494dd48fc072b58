package io.redial.admin.leads.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.redial.admin.MainLayout;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm");

    final Select<String> status = filter("Status", Arrays.stream(LeadStatus.values()).map(Enum::name).toList());
    final Select<String> trade;
    final Select<String> urgency = filter("Urgency", Arrays.stream(Urgency.values()).map(Enum::name).toList());
    final Select<String> line;
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<LeadReview.Row> leads = new Grid<>();
    private final LeadReview review;
    private final Tenant tenant;

    LeadsView(LeadReview review, TenantScope scope) {
        this.review = review;
        this.tenant = scope.tenant().orElseThrow();
        trade = filter("Trade", tenant.trades());
        line = filter("Line", scope.lines().stream().map(PhoneNumber::e164).toList());
        List.of(from, to).forEach(d -> d.addValueChangeListener(e -> show()));
        configureGrid();
        setSizeFull();
        add(new H2("Leads"), new HorizontalLayout(status, trade, urgency, line, from, to), leads);
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
        leads.addColumn(r -> TIME.format(r.createdAt().atZone(zone))).setHeader("Created").setAutoWidth(true);
        leads.addColumn(r -> r.callerName() == null ? r.caller().e164() : r.callerName() + " · " + r.caller().e164())
                .setHeader("Caller").setAutoWidth(true);
        leads.addColumn(r -> r.status().name().toLowerCase().replace('_', ' ')).setHeader("Status").setAutoWidth(true);
        leads.addColumn(r -> r.callOutcome() == null ? "" : r.callOutcome().toLowerCase().replace('_', ' '))
                .setHeader("Call").setAutoWidth(true);
        leads.addColumn(r -> r.trade() == null ? "" : r.trade()).setHeader("Trade").setAutoWidth(true);
        leads.addColumn(r -> r.urgency() == null ? "" : r.urgency().toLowerCase()).setHeader("Urgency").setAutoWidth(true);
        leads.addColumn(r -> r.line() == null ? "" : r.line().e164()).setHeader("Line").setFlexGrow(1);
        leads.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(LeadView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
    }

    void show() {
        leads.setItems(review.search(tenant.id(), new LeadReview.Filter(
                status.getValue() == null ? null : LeadStatus.valueOf(status.getValue()), trade.getValue(),
                urgency.getValue() == null ? null : Urgency.valueOf(urgency.getValue()),
                line.getValue() == null ? null : new PhoneNumber(line.getValue()), from.getValue(), to.getValue(),
                tenant.zone())));
    }
}
