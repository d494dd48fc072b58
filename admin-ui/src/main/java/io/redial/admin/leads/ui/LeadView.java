package io.redial.admin.leads.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.MainLayout;
import io.redial.admin.security.TenantScope;
import io.redial.leads.LeadReview;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;

/**
 * One lead: the call with its outcome and reason, then every text with its delivery state. The id in the URL
 * is only ever looked up within the signed-in tenant, so another tenant's id reads as "no such lead".
 */
@Route(value = "leads/:id", layout = MainLayout.class)
@PageTitle("Lead · Redial")
@PermitAll
class LeadView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss");

    final H2 title = new H2();
    final Paragraph call = new Paragraph();
    final Div texts = new Div();
    private final LeadReview review;
    private final Tenant tenant;

    LeadView(LeadReview review, TenantScope scope) {
        this.review = review;
        this.tenant = scope.tenant().orElseThrow();
        call.setId("lead-call");
        texts.setId("lead-texts");
        add(new RouterLink("← All leads", LeadsView.class), title, call, new H3("Texts"), texts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException notAnId) {
            id = -1;
        }
        review.page(tenant.id(), id).ifPresentOrElse(this::show, this::showMissing);
    }

    private void show(LeadReview.Page page) {
        LeadReview.Row lead = page.lead();
        title.setText("Lead #" + lead.id() + " · " + (lead.callerName() == null ? lead.caller().e164()
                : lead.callerName() + " · " + lead.caller().e164()) + " · " + lead.status().name().toLowerCase());
        LeadReview.CallFacts facts = page.call();
        call.setText(facts == null ? "No call: this lead started with a text." : "Called "
                + facts.line().e164() + " on " + TIME.format(facts.receivedAt().atZone(tenant.zone())) + " · "
                + (facts.outcome() == null ? "undecided" : facts.outcome().toLowerCase().replace('_', ' '))
                + (facts.reason() == null ? "" : " (" + facts.reason() + ")")
                + (page.suppressionReason() == null ? "" : " · not texted: " + page.suppressionReason()));
        texts.removeAll();
        page.texts().forEach(text -> {
            Span state = new Span(text.fromCaller() ? "from the caller" : text.state()
                    + (text.errorCode() == null ? "" : " (error " + text.errorCode() + ")"));
            state.getElement().getThemeList().add(text.state().equals("failed") ? "badge error" : "badge");
            Div line = new Div(new Span(TIME.format(text.at().atZone(tenant.zone())) + " · "), new Span(text.body()), state);
            line.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Gap.SMALL, LumoUtility.Display.FLEX);
            texts.add(line);
        });
        if (page.texts().isEmpty()) {
            texts.add(new Span("No texts."));
        }
    }

    private void showMissing() {
        title.setText("No such lead");
        call.setText("It may belong to another account, or the link is wrong.");
        texts.removeAll();
    }
}
