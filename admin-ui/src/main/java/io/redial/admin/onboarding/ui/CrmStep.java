package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmClientCredentials;
import io.redial.crm.sync.CrmStatus;
import io.redial.shared.TenantId;

/**
 * Where leads land: each CRM Redial knows (HubSpot, Jobber, ServiceTitan…), connected already or with the way to
 * connect it. CRMs installed by OAuth connect here by their Connect link; those connected with a client id and
 * secret are set up on the CRM screen. Optional: Redial works without a CRM, and this step stores nothing.
 */
class CrmStep extends SetupStep {

    final Div crms = new Div();

    CrmStep(CrmStatus status, CrmCatalog catalog, TenantId tenant) {
        super("Your CRM", "Connect the CRM your office works in: every lead, its transcript and the booked job land "
                + "there. You can skip this and connect one later on the CRM screen.");
        crms.setId("setup-crms");
        status.connections(tenant).forEach(c -> crms.add(line(c.crmName() + ": connected", null)));
        status.connectable(tenant).forEach(c -> {
            Anchor connect = new Anchor(c.installPath(), "Connect " + c.crmName());
            connect.setId("setup-connect-" + c.crm().value());
            connect.setRouterIgnore(true); // a server endpoint that leaves for the CRM's consent page
            crms.add(line(null, connect));
        });
        catalog.providers().stream().filter(p -> p instanceof CrmClientCredentials)
                .filter(p -> status.connections(tenant).stream().noneMatch(c -> c.crm().equals(p.id())))
                .forEach(p -> {
                    Anchor form = new Anchor("crm", "Connect " + p.displayName() + " with its client ID and secret");
                    form.setId("setup-connect-" + p.id().value());
                    crms.add(line(null, form));
                });
        if (crms.getComponentCount() == 0) {
            crms.add(new Paragraph("No CRM is installed on this Redial server."));
        }
        add(crms);
    }

    private static Div line(String text, Anchor link) {
        Div line = new Div();
        if (text != null) {
            Span connected = new Span(text);
            connected.getElement().getThemeList().add("badge success");
            line.add(connected);
        }
        if (link != null) {
            line.add(link);
        }
        return line;
    }

    @Override
    void store() {
    }
}
