package io.redial.admin.calls.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import io.redial.admin.Lists;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.leads.ui.LeadsNavigation;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.admin.security.TenantScope;
import jakarta.annotation.security.PermitAll;
import io.redial.calls.CallSummary;
import io.redial.calls.RecentCalls;
import io.redial.conversations.TextQueue;
import io.redial.shared.notices.AdminNotices;
import io.redial.tenants.Tenant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Every call of one tenant, newest first: who called, what we decided and why, and the text's state. */
@Route(value = "calls", layout = MainLayout.class)
@PageTitle("Calls · Redial")
@PermitAll
public class CallsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm:ss a", java.util.Locale.US);

    final Grid<CallSummary> calls = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Span queue = new Span();
    final Div notices = new Div();
    private ZoneId zone = ZoneId.of("UTC");
    private final RecentCalls recentCalls;
    private final TextQueue textQueue;
    private final AdminNotices adminNotices;
    private final TenantScope scope;
    private final boolean sandbox;
    private PhoneFormat phones;

    CallsView(TenantScope scope, RecentCalls recentCalls, TextQueue textQueue, AdminNotices adminNotices,
            TwilioAccount twilio) {
        this.sandbox = twilio.sandbox();
        this.scope = scope;
        this.recentCalls = recentCalls;
        this.textQueue = textQueue;
        this.adminNotices = adminNotices;
        this.phones = PhoneFormat.of(scope);
        setSizeFull();
        configureGrid();
        queue.setId("queue-depth");
        notices.setId("notices");
        HorizontalLayout bar = new HorizontalLayout(queue);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Calls"), bar, notices, empty, calls);
    }

    /** Every visit shows the latest calls, also when the view instance is reused. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(scope.tenant().orElse(null));
    }

    private void configureGrid() {
        calls.setId("calls");
        // a time on one line, however narrow the column
        calls.addComponentColumn(c -> Lists.nowrap(TIME.format(c.receivedAt().atZone(zone)))).setHeader("Received")
                .setAutoWidth(true).setFlexGrow(0);
        calls.addComponentColumn(this::caller).setHeader("Caller").setKey("caller").setAutoWidth(true);
        calls.addColumn(c -> phones.show(c.line())).setHeader("Line").setAutoWidth(true);
        calls.addColumn(CallsView::outcome)
                .setHeader("Outcome").setAutoWidth(true);
        calls.addColumn(CallSummary::textState).setHeader("Text").setAutoWidth(true);
        calls.addColumn(CallSummary::reason).setHeader("Why").setFlexGrow(1);
        // on a phone: one column, each call a few short lines
        Lists.compactAtPhoneWidth(calls, calls.addComponentColumn(c -> Lists.card(
                Lists.nowrap(TIME.format(c.receivedAt().atZone(zone))), caller(c),
                new Span(outcome(c) + " · text " + c.textState()), new Span(c.reason() == null ? "" : c.reason()))).setHeader("Call"));
        calls.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        // a row opens its lead, as its link does
        calls.addItemClickListener(e -> {
            if (e.getItem().leadId() != null) {
                getUI().ifPresent(ui -> ui.navigate(LeadsNavigation.path(e.getItem().leadId())));
            }
        });
    }

    private static String outcome(CallSummary call) {
        return call.outcome() == null ? "deciding" : call.outcome().name().toLowerCase().replace('_', ' ');
    }

    /** The caller's name when their lead has one, else the number; a link to the lead when there is one. */
    private com.vaadin.flow.component.Component caller(CallSummary call) {
        String who = call.callerName() == null ? phones.show(call.caller())
                : call.callerName() + " · " + phones.show(call.caller());
        if (call.leadId() == null) {
            return new Span(who);
        }
        Anchor link = new Anchor(LeadsNavigation.path(call.leadId()), who);
        link.addClassName("call-lead");
        return link;
    }

    private void show(@Nullable Tenant selected) {
        zone = selected == null ? ZoneId.of("UTC") : selected.zone();
        phones = PhoneFormat.of(scope);
        List<CallSummary> rows = selected == null ? List.of() : recentCalls.of(selected.id(), 200);
        showQueueAndNotices(selected);
        calls.setItems(rows);
        Lists.fitToContent(calls, rows.size());
        calls.setVisible(!rows.isEmpty());
        empty.setText(selected == null ? "No contractor is set up yet. Provision one with REDIAL_PROVISIONING_FILE."
                : rows.isEmpty() ? "No calls yet. Missed calls appear here the moment they happen"
                        + (sandbox ? ": place one from the Simulator to see the text-back it gets." : ".") : "");
        empty.setVisible(selected == null || rows.isEmpty());
    }

    private void showQueueAndNotices(@Nullable Tenant selected) {
        notices.removeAll();
        if (selected == null) {
            queue.setText("");
            return;
        }
        TextQueue.Depth depth = textQueue.depth(selected.id());
        queue.setText(depth.total() == 0 ? "No texts waiting" : depth.total() + " texts waiting ("
                + depth.firstContacts() + " first contacts go first)");
        queue.getElement().getThemeList().add("badge");
        adminNotices.open(selected.id()).forEach(n -> {
            Span notice = new Span(n.message());
            notice.getElement().getThemeList().add("badge error");
            notices.add(new Div(notice));
        });
    }

}
