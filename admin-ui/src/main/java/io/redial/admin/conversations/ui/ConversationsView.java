package io.redial.admin.conversations.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import com.vaadin.flow.component.html.Anchor;
import io.redial.admin.Forms;
import io.redial.admin.Lists;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.leads.ui.LeadsNavigation;
import io.redial.leads.LeadJournal;
import io.redial.shared.DeliveryWords;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.receptionist.ConversationDesk;
import io.redial.receptionist.ConversationDesk.Thread;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * Live SMS threads, busiest first. Opening one shows its texts; "Take over" pauses Anna for it, a reply goes out
 * through the same sending path as hers, and "Resume Anna" hands it back with a summary.
 */
@Route(value = ConversationsView.ROUTE, layout = MainLayout.class)
@PageTitle("Conversations · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN, ConsoleUser.OFFICE})
class ConversationsView extends HorizontalLayout implements BeforeEnterObserver {

    static final String ROUTE = "conversations";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", java.util.Locale.US);

    final Grid<Thread> threads = new Grid<>();
    final H3 title = new H3("Pick a conversation");
    final Span handling = new Span();
    final Button takeOver = new Button("Take over");
    final Button resume = new Button("Resume Anna");
    final Div texts = new Div();
    final TextArea reply = new TextArea();
    final Button send = new Button("Send reply");
    final Anchor lead = new Anchor();
    private final ConversationDesk desk;
    private final LeadJournal journal;
    private final TenantScope scope;
    private final PhoneFormat phones;
    private final Tenant tenant;
    private final Clock clock;
    private @Nullable Long openId;
    private Registration polling = () -> { };

    ConversationsView(ConversationDesk desk, LeadJournal journal, TenantScope scope, Clock clock) {
        this.desk = desk;
        this.journal = journal;
        this.scope = scope;
        this.phones = PhoneFormat.of(scope);
        this.tenant = scope.tenant().orElseThrow();
        this.clock = clock;
        configureGrid();
        configureThread();
        VerticalLayout list = new VerticalLayout(new H2("Conversations"), threads);
        HorizontalLayout writing = new HorizontalLayout(reply, send);
        writing.setWidthFull();
        writing.setDefaultVerticalComponentAlignment(Alignment.END);
        writing.setFlexGrow(1, reply);
        VerticalLayout detail = new VerticalLayout(title, lead, handling, new HorizontalLayout(takeOver, resume), texts,
                writing);
        // side by side on a desk, one under the other on a phone
        for (VerticalLayout side : new VerticalLayout[] {list, detail}) {
            side.getStyle().set("flex", "1 1 22rem").set("min-width", "0");
        }
        setWidthFull();
        setWrap(true);
        add(list, detail);
        refresh();
    }

    private void configureGrid() {
        threads.setId("threads");
        threads.addColumn(t -> TIME.format(t.lastActivityAt().atZone(tenant.zone()))).setHeader("Last activity")
                .setAutoWidth(true).setFlexGrow(0);
        threads.addColumn(t -> t.callerName() == null ? phones.show(t.caller()) : t.callerName() + " · " + phones.show(t.caller()))
                .setHeader("Caller").setAutoWidth(true);
        threads.addColumn(ConversationsView::who).setHeader("With").setAutoWidth(true);
        threads.addColumn(t -> t.lastText() == null ? "" : t.lastText()).setHeader("Last text").setFlexGrow(1);
        // on a phone: one column, each thread a few short lines
        Lists.compactAtPhoneWidth(threads, threads.addComponentColumn(t -> Lists.card(
                Lists.nowrap(TIME.format(t.lastActivityAt().atZone(tenant.zone()))),
                new Span((t.callerName() == null ? phones.show(t.caller()) : t.callerName() + " · " + phones.show(t.caller()))
                        + " · " + who(t)),
                new Span(t.lastText() == null ? "" : t.lastText()))).setHeader("Conversation"));
        threads.addItemClickListener(e -> open(e.getItem().id()));
    }

    private void configureThread() {
        handling.setId("handling");
        texts.setId("texts");
        texts.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL);
        reply.setId("reply");
        reply.setPlaceholder("Write to the caller as yourself; Anna pauses while a person has the thread");
        reply.setMinWidth("0");
        lead.setId("conversation-lead");
        lead.setText("Open the lead");
        takeOver.setId("take-over");
        resume.setId("resume");
        send.setId("send-reply");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        takeOver.addClickListener(e -> act(() -> {
            desk.takeOver(tenant.id(), openId());
            journal.recordOnConversation(tenant.id(), openId(), LeadJournal.Kind.TAKEOVER, me(), "");
        }, "You have this conversation. Anna is paused."));
        resume.addClickListener(e -> act(() -> {
            String summary = desk.resume(tenant.id(), openId());
            journal.recordOnConversation(tenant.id(), openId(), LeadJournal.Kind.RESUME, me(), summary);
        }, "Anna has it again."));
        send.addClickListener(e -> act(this::sendReply, "Reply queued."));
        showThread(null);
    }

    /** {@code ?id=…} opens that thread; an id of another tenant shows "No such conversation". */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("id").filter(v -> v.matches("\\d{1,18}"))
                .ifPresent(id -> open(Long.parseLong(id)));
    }

    /** A reply from the console pauses Anna; when it is what takes the thread over, the lead records that too. */
    private void sendReply() {
        if (reply.getValue().isBlank()) {
            Forms.refuse(reply, "Write the reply first.");
            return;
        }
        boolean takingOver = desk.find(tenant.id(), openId()).map(t -> !t.handledByHuman()).orElse(false);
        desk.reply(tenant.id(), openId(), reply.getValue());
        if (takingOver) {
            journal.recordOnConversation(tenant.id(), openId(), LeadJournal.Kind.TAKEOVER, me(), "");
        }
        reply.clear();
        reply.setInvalid(false);
    }

    private String me() {
        return scope.user().map(u -> u.getUsername()).orElse("staff");
    }

    void open(long conversationId) {
        openId = conversationId;
        showThread(desk.find(tenant.id(), conversationId).orElse(null));
    }

    /** Reloads the list and the open thread as the database has them now. */
    void refresh() {
        threads.setItems(desk.live(tenant.id(), clock.instant().minus(Duration.ofDays(1))));
        if (openId != null) {
            showThread(desk.find(tenant.id(), openId).orElse(null));
        }
    }

    private void showThread(@Nullable Thread thread) {
        boolean shown = thread != null;
        takeOver.setVisible(shown && thread.open() && !thread.handledByHuman());
        resume.setVisible(shown && thread.open() && thread.handledByHuman());
        reply.setEnabled(shown && thread.open());
        send.setEnabled(shown && thread.open());
        texts.removeAll();
        if (!shown) {
            title.setText(openId == null ? "Pick a conversation" : "No such conversation");
            handling.setText("");
            lead.setVisible(false);
            return;
        }
        title.setText((thread.callerName() == null ? "" : thread.callerName() + " · ") + phones.show(thread.caller())
                + " → " + phones.show(thread.line()));
        journal.leadOf(tenant.id(), thread.id()).ifPresentOrElse(id -> {
            lead.setHref(LeadsNavigation.path(id));
            lead.setVisible(true);
        }, () -> lead.setVisible(false));
        handling.setText(!thread.open() ? "Closed" : thread.handledByHuman() ? "A person is handling this; Anna is paused"
                : "Anna is handling this");
        handling.getElement().getThemeList().clear();
        handling.getElement().getThemeList().add(thread.handledByHuman() && thread.open() ? "badge success" : "badge");
        desk.texts(tenant.id(), thread.id()).forEach(text -> texts.add(bubble(text)));
    }

    private Div bubble(ConversationDesk.Text text) {
        Span meta = new Span(author(text.author()) + " · " + TIME.format(text.at().atZone(tenant.zone()))
                + (text.author().equals("caller") ? "" : " · " + DeliveryWords.of(text.state(), null)));
        meta.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        Div bubble = new Div(new Span(text.body()), meta);
        bubble.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM,
                text.author().equals("caller") ? LumoUtility.Background.CONTRAST_5 : LumoUtility.Background.PRIMARY_10,
                text.author().equals("caller") ? LumoUtility.AlignSelf.START : LumoUtility.AlignSelf.END);
        bubble.getStyle().set("max-width", "80%");
        return bubble;
    }

    private static String author(String author) {
        return switch (author) {
            case "caller" -> "Caller";
            case "staff" -> "Staff";
            case "receptionist" -> "Anna";
            case "system" -> "Redial";
            default -> author.isEmpty() ? author : Character.toUpperCase(author.charAt(0)) + author.substring(1);
        };
    }

    private static String who(Thread t) {
        return !t.open() ? "closed" : t.handledByHuman() ? "a person" : "Anna";
    }

    private long openId() {
        if (openId == null) {
            throw new IllegalArgumentException("Pick a conversation first.");
        }
        return openId;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 2000, Notification.Position.BOTTOM_START);
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** New texts arrive by webhook and job, not through this page: look again every few seconds while open. */
    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(3000);
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }
}
