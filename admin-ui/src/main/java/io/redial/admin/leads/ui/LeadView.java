package io.redial.admin.leads.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.MainLayout;
import io.redial.admin.conversations.ui.ConversationsNavigation;
import io.redial.admin.security.TenantScope;
import io.redial.leads.LeadReview;
import io.redial.leads.LeadTimeline;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;

/**
 * One lead: the call with its outcome and reason, then its whole timeline (texts and their delivery, Anna's
 * turns, escalation steps, CRM writes). The id in the URL
 * is only ever looked up within the signed-in tenant, so another tenant's id reads as "no such lead".
 */
@Route(value = "leads/:id", layout = MainLayout.class)
@PageTitle("Lead · Redial")
@PermitAll
class LeadView extends VerticalLayout implements BeforeEnterObserver {

    private static final java.util.Set<String> BAD = java.util.Set.of("failed", "undelivered", "rejected", "blocked", "exhausted", "no answer");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss");

    final H2 title = new H2();
    final Paragraph call = new Paragraph();
    final Div timeline = new Div();
    final Anchor conversation = new Anchor();
    private final LeadReview review;
    private final LeadTimeline history;
    private final Tenant tenant;
    private long leadId = -1;

    LeadView(LeadReview review, LeadTimeline history, TenantScope scope) {
        this.review = review;
        this.history = history;
        this.tenant = scope.tenant().orElseThrow();
        call.setId("lead-call");
        timeline.setId("lead-timeline");
        timeline.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        conversation.setId("lead-conversation");
        conversation.setText("Open the conversation");
        add(new RouterLink("← All leads", LeadsView.class), title, call, conversation, new H3("Timeline"), timeline);
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
        leadId = lead.id();
        title.setText("Lead #" + lead.id() + " · " + (lead.callerName() == null ? lead.caller().e164()
                : lead.callerName() + " · " + lead.caller().e164()) + " · " + lead.status().name().toLowerCase());
        LeadReview.CallFacts facts = page.call();
        call.setText(facts == null ? "No call: this lead started with a text." : "Called "
                + facts.line().e164() + " on " + TIME.format(facts.receivedAt().atZone(tenant.zone())) + " · "
                + (facts.outcome() == null ? "undecided" : facts.outcome().toLowerCase().replace('_', ' '))
                + (facts.reason() == null ? "" : " (" + facts.reason() + ")")
                + (page.suppressionReason() == null ? "" : " · not texted: " + page.suppressionReason()));
        history.conversation(tenant.id(), lead.id()).ifPresentOrElse(id -> {
            conversation.setHref(ConversationsNavigation.path(id));
            conversation.setVisible(true);
        }, () -> conversation.setVisible(false));
        timeline.removeAll();
        history.of(tenant.id(), lead.id()).forEach(entry -> timeline.add(line(entry)));
    }

    private Div line(LeadTimeline.Entry entry) {
        Div line = new Div(new Span(TIME.format(entry.at().atZone(tenant.zone()))), kind(entry.kind()),
                new Span(entry.text()));
        if (entry.state() != null) {
            Span state = new Span(entry.state());
            state.getElement().getThemeList().add(BAD.contains(entry.state()) ? "badge error" : "badge");
            line.add(state);
        }
        if (entry.link() != null) {
            Anchor open = new Anchor(entry.link().toString(), "Open in CRM");
            open.setTarget("_blank");
            line.add(open);
        }
        if (entry.retryable() != null) {
            long workId = entry.retryable();
            Button retry = new Button("Retry", e -> retry(workId));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-sync");
            line.add(retry);
        }
        line.addClassNames("timeline-" + entry.kind().name().toLowerCase(), LumoUtility.Padding.XSMALL,
                LumoUtility.Gap.SMALL, LumoUtility.Display.FLEX, LumoUtility.AlignItems.BASELINE);
        return line;
    }

    /** Failed CRM work goes back in the queue; the timeline shows it pending until the sync engine runs it. */
    private void retry(long workId) {
        if (history.retrySync(tenant.id(), leadId, workId)) {
            Notification.show("Queued again: it syncs as soon as the CRM answers.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show("Nothing to retry: it already went through or is queued.", 3000, Notification.Position.BOTTOM_START);
        }
        review.page(tenant.id(), leadId).ifPresentOrElse(this::show, this::showMissing);
    }

    private static Span kind(LeadTimeline.Kind kind) {
        Span label = new Span(switch (kind) {
            case CALL -> "call";
            case TEXT_IN, TEXT_OUT -> "text";
            case TURN -> "Anna";
            case ESCALATION -> "escalation";
            case CRM -> "CRM";
        });
        label.getElement().getThemeList().add("badge contrast pill");
        return label;
    }

    private void showMissing() {
        title.setText("No such lead");
        call.setText("It may belong to another account, or the link is wrong.");
        conversation.setVisible(false);
        timeline.removeAll();
    }
}
