package io.redial.admin.leads.ui;

import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.conversations.ui.ConversationsNavigation;
import io.redial.admin.security.TenantScope;
import io.redial.leads.LeadCards;
import io.redial.leads.LeadCorrections;
import io.redial.leads.LeadDetails;
import io.redial.leads.LeadReview;
import io.redial.leads.LeadTimeline;
import io.redial.leads.Urgency;
import io.redial.shared.DeliveryWords;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.PermitAll;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One lead as a job: at the top the job card (who, where, what, how urgent and why, when, who has the
 * conversation, the CRM records), which staff can correct; below, the call and the whole timeline. The id in
 * the URL is only ever looked up within the signed-in tenant, so another tenant's id reads as "no such lead".
 */
@Route(value = "leads/:id", layout = MainLayout.class)
@PageTitle("Lead · Redial")
@PermitAll
class LeadView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

    final H2 title = new H2();
    final Span status = new Span();
    final Div card = new Div();
    final Button correct = new Button("Correct details");
    final LeadForm form;
    final Paragraph call = new Paragraph();
    final Div timeline = new Div();
    final Anchor conversation = new Anchor();
    private final LeadReview review;
    private final LeadCards cards;
    private final LeadCorrections corrections;
    private final io.redial.crm.CrmCatalog catalog;
    private final LeadTimeline history;
    private final TenantScope scope;
    private final Tenant tenant;
    private final PhoneFormat phones;
    private long leadId = -1;
    private LeadCards.@Nullable Card shown;

    LeadView(LeadReview review, LeadCards cards, LeadCorrections corrections, LeadTimeline history, TenantScope scope,
            io.redial.crm.CrmCatalog catalog) {
        this.catalog = catalog;
        this.review = review;
        this.cards = cards;
        this.corrections = corrections;
        this.history = history;
        this.scope = scope;
        this.tenant = scope.tenant().orElseThrow();
        this.phones = PhoneFormat.of(scope);
        this.form = new LeadForm(tenant.trades());
        card.setId("job-card");
        card.addClassNames("job-card", LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.LARGE,
                LumoUtility.Background.CONTRAST_5, LumoUtility.Width.FULL, LumoUtility.BoxSizing.BORDER);
        correct.setId("correct-lead");
        correct.addClickListener(e -> startCorrecting());
        form.setVisible(false);
        form.onSave(e -> save(e.corrected));
        form.onCancel(e -> form.setVisible(false));
        call.setId("lead-call");
        timeline.setId("lead-timeline");
        timeline.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN);
        conversation.setId("lead-conversation");
        conversation.setText("Open the conversation");
        setMaxWidth("64rem");
        status.setId("lead-status");
        status.getElement().getThemeList().add("badge");
        HorizontalLayout heading = new HorizontalLayout(title, status);
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new RouterLink("← All leads", LeadsView.class), heading, card, correct, form, call, conversation,
                new H3("Timeline"), timeline);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
        } catch (NumberFormatException notAnId) {
            id = -1;
        }
        leadId = id;
        reload();
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, form::unsaved, "this lead");
    }

    private void reload() {
        form.setVisible(false);
        cards.of(tenant.id(), leadId).ifPresentOrElse(this::show, this::showMissing);
    }

    private void show(LeadCards.Card lead) {
        shown = lead;
        title.setText(lead.callerName() == null ? phones.show(lead.caller()) : lead.callerName());
        status.setText(statusWord(lead));
        status.setVisible(true);
        showCard(lead);
        correct.setVisible(true);
        review.page(tenant.id(), lead.id()).ifPresent(page -> {
            LeadReview.CallFacts facts = page.call();
            call.setText(facts == null ? "No call: this lead started with a text." : "Called "
                    + phones.show(facts.line()) + " on " + TIME.format(facts.receivedAt().atZone(tenant.zone())) + " · "
                    + (facts.outcome() == null ? "undecided" : facts.outcome().toLowerCase().replace('_', ' '))
                    + (facts.reason() == null ? "" : " (" + facts.reason() + ")")
                    + (page.suppressionReason() == null ? "" : " · not texted: " + page.suppressionReason()));
        });
        if (lead.conversationId() != null) {
            conversation.setHref(ConversationsNavigation.path(lead.conversationId()));
            conversation.setVisible(true);
        } else {
            conversation.setVisible(false);
        }
        timeline.removeAll();
        history.of(tenant.id(), lead.id()).forEach(entry -> timeline.add(line(entry)));
    }

    /** The job at a glance: one labelled line per fact, "not known yet" where Anna has not learned it. */
    private void showCard(LeadCards.Card lead) {
        card.removeAll();
        // A withheld number cannot be dialled: shown as "Hidden number", not as a link to call.
        Component phone = lead.caller().hidden() ? new Span(phones.show(lead.caller()))
                : new Anchor("tel:" + lead.caller().e164(), phones.show(lead.caller()));
        fact("Caller", "card-caller", lead.callerName() == null ? phone : new Span(new Span(lead.callerName() + " · "), phone));
        if (lead.address() == null) {
            fact("Address", "card-address", unknown());
        } else {
            Anchor map = new Anchor("https://www.google.com/maps/search/?api=1&query="
                    + URLEncoder.encode(lead.address(), StandardCharsets.UTF_8), "Map");
            map.setTarget("_blank");
            map.setId("card-map");
            fact("Address", "card-address", new Span(new Span(lead.address()
                    + (Boolean.FALSE.equals(lead.inServiceArea()) ? " (outside the service area) " : " ")), map));
        }
        fact("Trade", "card-trade", lead.trade() == null ? unknown() : new Span(lead.trade()));
        fact("Problem", "card-problem", lead.problem() == null ? unknown() : new Span("“" + lead.problem() + "”"));
        fact("Urgency", "card-urgency", lead.urgency() == null ? unknown() : new Span(urgencyWord(lead.urgency())
                + (lead.urgencyRule() == null ? "" : ": " + lead.urgencyRule())));
        fact("Booked", "card-booked", new Span(booked(lead.bookedFrom(), lead.bookedTo())));
        fact("Conversation", "card-holder", new Span(holder(lead)));
        if (lead.handOffReason() != null) {
            fact("Why a person", "card-hand-off", new Span(lead.handOffReason()));
        }
        Div crm = new Div();
        if (lead.records().isEmpty()) {
            crm.add(unknown("not in the CRM yet"));
        }
        for (LeadCards.CrmRecord record : lead.records()) {
            // the CRM by its own name ("HubSpot contact 123"), as the CRM screen names it
            String crmName = catalog.find(new io.redial.crm.CrmId(record.crm())).map(p -> p.displayName()).orElse(record.crm());
            String label = crmName + " " + record.type() + " " + record.id();
            Component shownRecord = record.link() == null ? new Span(label) : external(record.link().toString(), label);
            crm.add(shownRecord, new Span(" "));
        }
        fact("CRM", "card-crm", crm);
    }

    private void fact(String label, String id, Component value) {
        Span name = new Span(label);
        name.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        name.setWidth("8rem");
        name.getStyle().set("flex-shrink", "0");
        value.setId(id);
        Div row = new Div(name, value);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE,
                LumoUtility.Padding.Vertical.XSMALL);
        card.add(row);
    }

    private String booked(@Nullable Instant from, @Nullable Instant to) {
        if (from == null || to == null) {
            return "not booked";
        }
        return TIME.format(from.atZone(tenant.zone())) + " – " + CLOCK.format(to.atZone(tenant.zone()))
                + " (" + tenant.zone().getId().replace('_', ' ') + " time)";
    }

    private static String holder(LeadCards.Card lead) {
        return switch (lead.holder()) {
            case ANNA -> "Anna is handling it";
            case PERSON -> "A person is handling it; Anna is paused";
            case CLOSED -> "Closed";
            case NO_CONVERSATION -> "No conversation (the caller was not texted)";
        };
    }

    static String urgencyWord(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> "Emergency";
            case URGENT -> "Urgent";
            case ROUTINE -> "Routine";
        };
    }

    static String statusWord(LeadCards.Card lead) {
        return LeadsView.statusWord(lead.status());
    }

    private void startCorrecting() {
        if (shown == null) {
            return;
        }
        form.edit(new LeadDetails(shown.callerName(), shown.address(), shown.inServiceArea(), shown.problem(),
                shown.trade(), shown.urgency()));
        form.setVisible(true);
        form.name.focus();
    }

    /** Staff's correction: stored, sent to the CRM by the sync, and written on the timeline with who made it. */
    private void save(LeadDetails corrected) {
        String who = scope.user().map(u -> u.getUsername()).orElse("staff");
        boolean changed = corrections.correct(tenant.id(), leadId, corrected, who);
        form.setVisible(false);
        Notification.show(changed ? "Saved. The CRM gets the correction with the next sync."
                : "Nothing changed.", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        reload();
    }

    private Div line(LeadTimeline.Entry entry) {
        Span at = new Span(TIME.format(entry.at().atZone(tenant.zone())));
        at.addClassNames("timestamp", LumoUtility.Whitespace.NOWRAP, LumoUtility.TextColor.SECONDARY);
        Span text = new Span(entry.text());
        // beside its time on a desk, wrapping within its own column; under it on a phone
        text.getStyle().set("flex", "1 1 18rem").set("min-width", "0").set("overflow-wrap", "anywhere");
        Div line = new Div(at, kind(entry.kind()), text);
        if (entry.state() != null) {
            Span state = new Span(entry.state());
            state.getElement().getThemeList().add(DeliveryWords.bad(entry.state()) || BAD.contains(entry.state())
                    ? "badge error" : "badge");
            state.addClassNames(LumoUtility.Whitespace.NOWRAP);
            line.add(state);
        }
        if (entry.link() != null) {
            line.add(external(entry.link().toString(), "Open in CRM"));
        }
        if (entry.retryable() != null) {
            long workId = entry.retryable();
            Button retry = new Button("Retry", e -> retry(workId));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            retry.addClassName("retry-sync");
            line.add(retry);
        }
        line.addClassNames("timeline-" + entry.kind().name().toLowerCase(), LumoUtility.Padding.XSMALL,
                LumoUtility.Gap.SMALL, LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.AlignItems.BASELINE);
        return line;
    }

    private static final java.util.Set<String> BAD = java.util.Set.of("rejected", "blocked", "exhausted", "no answer");

    /** Failed CRM work goes back in the queue; the timeline shows it pending until the sync engine runs it. */
    private void retry(long workId) {
        if (history.retrySync(tenant.id(), leadId, workId)) {
            Notification.show("Queued again: it syncs as soon as the CRM answers.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification.show("Nothing to retry: it already went through or is queued.", 3000, Notification.Position.BOTTOM_START);
        }
        reload();
    }

    private static Anchor external(String href, String text) {
        Anchor open = new Anchor(href, text);
        open.setTarget("_blank");
        return open;
    }

    private static Span unknown() {
        return unknown("not known yet");
    }

    private static Span unknown(String words) {
        Span span = new Span(words);
        span.addClassNames(LumoUtility.TextColor.TERTIARY);
        return span;
    }

    private static Span kind(LeadTimeline.Kind kind) {
        Span label = new Span(switch (kind) {
            case CALL -> "call";
            case TEXT_IN, TEXT_OUT -> "text";
            case TURN -> "Anna";
            case ESCALATION -> "emergency";
            case CRM -> "CRM";
            case STAFF -> "staff";
        });
        label.getElement().getThemeList().add("badge contrast pill");
        return label;
    }

    private void showMissing() {
        shown = null;
        title.setText("No such lead");
        status.setVisible(false);
        card.removeAll();
        correct.setVisible(false);
        call.setText("It may belong to another account, or the link is wrong.");
        conversation.setVisible(false);
        timeline.removeAll();
    }
}
