package io.redial.admin.crm.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.redial.admin.MainLayout;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.leads.ui.LeadsNavigation;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.CrmJobRouting;
import io.redial.crm.sync.ClientCredentialConnections;
import io.redial.crm.sync.ConnectionStatus;
import io.redial.crm.sync.CrmJobRoutingTables;
import io.redial.crm.sync.CrmStatus;
import io.redial.crm.sync.SyncItem;
import io.redial.shared.TenantId;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's CRMs: whether each is connected, broken or disconnected, the last error and when, a
 * Reconnect link to the install, how much work waits or failed; the failed items, retried one by one or all.
 */
@Route(value = "crm", layout = MainLayout.class)
@PageTitle("CRM · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class CrmView extends VerticalLayout implements BeforeLeaveObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    final Div connections = new Div();
    final Grid<SyncItem> failed = new Grid<>();
    final Button retryAll = new Button("Retry all");
    final Paragraph result = new Paragraph();
    /** Connection forms and job tables of CRMs connected by client credentials (ServiceTitan). */
    final Div setup = new Div();
    private final CrmStatus status;
    private final CrmCatalog catalog;
    private final ClientCredentialConnections credentials;
    private final CrmJobRoutingTables routing;
    private final TenantId tenant;
    private final ZoneId zone;

    CrmView(CrmStatus status, TenantScope scope, CrmCatalog catalog, ClientCredentialConnections credentials,
            CrmJobRoutingTables routing) {
        this.status = status;
        this.catalog = catalog;
        this.credentials = credentials;
        this.routing = routing;
        this.tenant = scope.tenantId();
        this.zone = scope.tenant().map(t -> t.zone()).orElse(ZoneId.of("UTC"));
        connections.setId("crm-connections");
        result.setId("crm-result");
        retryAll.setId("retry-all");
        retryAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        retryAll.addClickListener(e -> {
            int count = status.retryAll(tenant);
            result.setText(count == 1 ? "1 item queued again." : count + " items queued again.");
            refresh();
        });
        failed.setId("failed-items");
        failed.addColumn(item -> item.kind().name().toLowerCase()).setHeader("What").setAutoWidth(true);
        failed.addComponentColumn(item -> new Anchor(LeadsNavigation.path(item.leadId()), "Lead #" + item.leadId()))
                .setHeader("Lead").setAutoWidth(true);
        failed.addColumn(item -> item.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        failed.addColumn(item -> item.lastError() == null ? "" : item.lastError()).setHeader("Last error").setFlexGrow(1);
        failed.addComponentColumn(this::retryButton).setKey("retry").setHeader("").setAutoWidth(true);
        failed.setAllRowsVisible(true);
        setup.setId("crm-setup");
        add(new H2("CRM"), connections, setup, new H3("Failed sync items"), new HorizontalLayout(retryAll, result), failed);
        refresh();
    }

    private void refresh() {
        List<CrmStatus.Connection> all = status.connections(tenant);
        connections.removeAll();
        if (all.isEmpty()) {
            connections.add(new Paragraph("No CRM is connected. Install Redial from your CRM's marketplace to sync leads."));
        }
        all.forEach(c -> connections.add(card(c)));
        for (CrmStatus.Connectable crm : status.connectable(tenant)) {
            Anchor connect = new Anchor(crm.installPath(), "Connect " + crm.crmName());
            connect.setId("connect-" + crm.crm().value());
            connect.setRouterIgnore(true); // a server endpoint that leaves for the CRM's consent page
            connections.add(new Div(connect));
        }
        List<SyncItem> items = status.failed(tenant);
        failed.setItems(items);
        retryAll.setEnabled(!items.isEmpty());
        setup.removeAll();
        for (var provider : catalog.providers()) {
            if (provider instanceof CrmClientCredentials form) {
                setup.add(new ClientCredentialsForm(provider, form, credentials, tenant, this::refresh));
            }
            if (provider instanceof CrmJobRouting && credentials.find(tenant, provider.id())
                    .filter(c -> c.status() == ConnectionStatus.CONNECTED).isPresent()) {
                setup.add(new JobRoutingTable(provider.id(), provider.displayName(), routing, tenant));
            }
        }
    }

    private Div card(CrmStatus.Connection c) {
        Span state = new Span(label(c.status()));
        state.getElement().getThemeList().add(c.status() == ConnectionStatus.CONNECTED ? "badge success" : "badge error");
        state.setId("state-" + c.crm().value());
        Div card = new Div(new H3(c.crmName()), state);
        card.setId("crm-" + c.crm().value());
        if (c.lastError() != null) {
            Paragraph error = new Paragraph("Last error" + at(c.lastErrorAt()) + ": " + c.lastError());
            error.setId("last-error-" + c.crm().value());
            card.add(error);
        }
        Paragraph counts = new Paragraph(c.pending() + " waiting to sync · " + c.failed() + " failed");
        counts.setId("counts-" + c.crm().value());
        card.add(counts);
        if (c.status() != ConnectionStatus.CONNECTED && !credentials.supports(c.crm())) { // those reconnect in their form
            Anchor reconnect = new Anchor(c.reconnectPath(), "Reconnect " + c.crmName());
            reconnect.setId("reconnect-" + c.crm().value());
            reconnect.setRouterIgnore(true); // a server endpoint that leaves for the CRM's consent page
            card.add(reconnect);
        }
        return card;
    }

    private Button retryButton(SyncItem item) {
        Button retry = new Button("Retry", e -> {
            result.setText(status.retry(tenant, item.id()) ? "Queued again." : "That item can no longer be retried.");
            refresh();
        });
        retry.setId("retry-" + item.id());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return retry;
    }

    private static String label(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> "Connected";
            case BROKEN -> "Broken: reconnect to resume syncing";
            case DISCONNECTED -> "Disconnected: the app was uninstalled";
        };
    }

    /** A client secret typed into a connection form but not checked and saved yet. */
    boolean unsaved() {
        return setup.getChildren().anyMatch(c -> c instanceof ClientCredentialsForm form && !form.clientSecret.isEmpty());
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "the CRM credentials");
    }

    private String at(@Nullable Instant when) {
        return when == null ? "" : " (" + WHEN.format(when.atZone(zone)) + ")";
    }
}
