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
import io.redial.admin.MainLayout;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss");

    final Grid<CallSummary> calls = new Grid<>();
    final Paragraph empty = new Paragraph();
    final Span queue = new Span();
    final Div notices = new Div();
    private ZoneId zone = ZoneId.of("UTC");
    private final RecentCalls recentCalls;
    private final TextQueue textQueue;
    private final AdminNotices adminNotices;
    private final TenantScope scope;

    CallsView(TenantScope scope, RecentCalls recentCalls, TextQueue textQueue, AdminNotices adminNotices) {
        this.scope = scope;
        this.recentCalls = recentCalls;
        this.textQueue = textQueue;
        this.adminNotices = adminNotices;
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
        calls.addColumn(c -> TIME.format(c.receivedAt().atZone(zone))).setHeader("Received").setAutoWidth(true);
        calls.addColumn(c -> c.caller().e164()).setHeader("Caller").setAutoWidth(true);
        calls.addColumn(c -> c.line().e164()).setHeader("Line").setAutoWidth(true);
        calls.addColumn(c -> c.outcome() == null ? "pending" : c.outcome().name().toLowerCase().replace('_', ' '))
                .setHeader("Outcome").setAutoWidth(true);
        calls.addColumn(c -> c.textState() == null ? "no text" : c.textState().toLowerCase()).setHeader("Text")
                .setAutoWidth(true);
        calls.addColumn(CallSummary::reason).setHeader("Why").setFlexGrow(1);
    }

    private void show(@Nullable Tenant selected) {
        zone = selected == null ? ZoneId.of("UTC") : selected.zone();
        List<CallSummary> rows = selected == null ? List.of() : recentCalls.of(selected.id(), 200);
        showQueueAndNotices(selected);
        calls.setItems(rows);
        empty.setText(selected == null ? "No contractor is set up yet. Provision one with REDIAL_PROVISIONING_FILE."
                : rows.isEmpty() ? "No calls yet. Missed calls appear here the moment Twilio reports them." : "");
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
