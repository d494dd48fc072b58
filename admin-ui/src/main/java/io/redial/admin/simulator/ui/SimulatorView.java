package io.redial.admin.simulator.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import com.vaadin.flow.component.html.Anchor;
import io.redial.admin.Forms;
import io.redial.admin.MainLayout;
import io.redial.admin.PhoneFormat;
import io.redial.admin.leads.ui.LeadsNavigation;
import io.redial.shared.DeliveryWords;
import io.redial.admin.security.TenantScope;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.LeadSeen;
import io.redial.simulator.PhoneText;
import io.redial.simulator.SandboxPhone;
import io.redial.simulator.SimulatorUnavailable;
import io.redial.tenants.PhoneLine;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A phone in the page: call one of the tenant's lines from a fictional number and let it ring out, watch the
 * text-back arrive, answer as the caller, and see the lead. Everything goes through the production webhooks.
 */
@Route(value = "simulator", layout = MainLayout.class)
@PageTitle("Simulator · Redial")
@PermitAll
class SimulatorView extends VerticalLayout implements BeforeEnterObserver {

    final Select<PhoneLine> line = new Select<>();
    final TextField caller = new TextField("Calling from");
    final Button call = new Button("Call and let it ring out");
    final Div phone = new Div();
    final TextField reply = new TextField();
    final Button send = new Button("Send");
    final Anchor lead = new Anchor();
    final Paragraph unavailable = new Paragraph();
    private final SandboxPhone sandbox;
    private final PhoneFormat phones;
    private final TenantId tenant;
    private @Nullable List<PhoneText> shown; // the thread as last drawn
    private com.vaadin.flow.shared.Registration polling = () -> { };

    SimulatorView(SandboxPhone sandbox, TenantScope scope) {
        this.sandbox = sandbox;
        this.phones = PhoneFormat.of(scope);
        this.tenant = scope.tenantId();
        add(new H2("Simulator"));
        if (!sandbox.available()) {
            unavailable.setText("The simulator works in sandbox mode only (no Twilio account configured), "
                    + "so that no simulated caller is ever texted for real.");
            add(unavailable);
            return;
        }
        configureCaller(sandbox.lines(tenant));
        configurePhone();
        lead.setId("lead");
        lead.getElement().getThemeList().add("badge");
        HorizontalLayout controls = new HorizontalLayout(line, caller, call);
        controls.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        controls.setWrap(true); // on a phone the call button goes under the fields, not off the screen
        add(controls, phoneFrame(), lead);
        refresh();
    }

    private void configureCaller(List<PhoneLine> lines) {
        line.setLabel("Line");
        line.setId("line");
        line.setWidth("17rem");
        line.setMaxWidth("100%");
        line.setItems(lines);
        line.setItemLabelGenerator(l -> phones.show(l.number()) + " · " + (l.pattern() == io.redial.tenants.CallPattern.FORWARDED
                ? "calls forwarded to Redial" : "Redial rings your phones"));
        lines.stream().findFirst().ifPresent(line::setValue);
        caller.setId("caller");
        caller.setValue(lines.isEmpty() ? "+15125550100" : sandbox.newCaller(tenant, lines.getFirst().number()).e164());
        caller.addValueChangeListener(e -> refresh());
        call.setId("simulate-call");
        call.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        call.addClickListener(e -> act(() -> sandbox.missedCall(tenant, line.getValue().number(), callerNumber())));
    }

    private void configurePhone() {
        phone.setId("phone");
        phone.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Gap.SMALL,
                LumoUtility.Padding.MEDIUM, LumoUtility.Overflow.AUTO);
        phone.setHeight("22rem");
        reply.setId("reply");
        reply.setPlaceholder("Reply as the caller");
        reply.setWidthFull();
        send.setId("send");
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(e -> {
            String body = reply.getValue().strip();
            if (!body.isEmpty()) {
                act(() -> sandbox.textFromCaller(tenant, line.getValue().number(), callerNumber(), body));
                reply.clear();
            }
        });
    }

    private Div phoneFrame() {
        HorizontalLayout compose = new HorizontalLayout(reply, send);
        compose.setWidthFull();
        compose.addClassNames(LumoUtility.Padding.SMALL);
        Div frame = new Div(phone, compose);
        frame.setWidth("22rem");
        frame.setMaxWidth("100%");
        frame.addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.LARGE, LumoUtility.BorderColor.CONTRAST_20,
                LumoUtility.Background.CONTRAST_5);
        return frame;
    }

    /** The templates screen's test opens the phone it texted ({@code ?caller=+1…}); only this tenant's rows show. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!sandbox.available()) {
            return;
        }
        event.getLocation().getQueryParameters().getSingleParameter("caller").ifPresent(number -> {
            caller.setValue(number);
            refresh();
        });
    }

    /** Shows the caller's thread and lead as the database has them now. */
    void refresh() {
        Optional<PhoneNumber> number = parsedCaller();
        List<PhoneText> thread = number.map(n -> sandbox.thread(tenant, n)).orElse(List.of());
        if (shown == null || !shown.equals(thread)) { // redrawn only on change, so the reader's scroll holds
            boolean grew = shown == null || thread.size() > shown.size();
            shown = thread;
            phone.removeAll();
            if (thread.isEmpty()) {
                phone.add(new Span("No texts yet. Place a call and let it ring out."));
            }
            thread.forEach(text -> phone.add(bubble(text)));
            if (grew) {
                phone.getElement().executeJs("this.scrollTop = this.scrollHeight"); // newest text in view, as on a phone
            }
        }
        Optional<LeadSeen> seen = number.flatMap(n -> sandbox.lead(tenant, n));
        lead.setText(seen.map(SimulatorView::describe).orElse("No lead for this caller yet"));
        seen.ifPresentOrElse(l -> lead.setHref(LeadsNavigation.path(l.id())), lead::removeHref);
    }

    private static Div bubble(PhoneText text) {
        Div bubble = new Div(new Span(text.body()));
        Span state = new Span(text.fromCaller() ? "you" : DeliveryWords.of(text.state(), null));
        state.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Display.BLOCK);
        bubble.add(state);
        bubble.addClassNames("bubble", LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.MaxWidth.FULL);
        bubble.getStyle().set("max-width", "80%");
        if (text.fromCaller()) {
            bubble.addClassNames("from-caller", LumoUtility.Background.PRIMARY, LumoUtility.TextColor.PRIMARY_CONTRAST,
                    LumoUtility.AlignSelf.END);
        } else {
            bubble.addClassNames("to-caller", LumoUtility.Background.BASE, LumoUtility.AlignSelf.START);
        }
        return bubble;
    }

    private static String describe(LeadSeen lead) {
        String call = lead.callOutcome() == null ? "" : " · call " + lead.callOutcome().toLowerCase().replace('_', ' ');
        String why = lead.reason() == null ? "" : " (" + lead.reason() + ")";
        return "Open the lead: " + LeadsNavigation.statusWord(lead.status()) + call + why;
    }

    private void act(Runnable action) {
        try {
            if (parsedCaller().isEmpty()) {
                Forms.refuse(caller, "Enter a phone number, e.g. (512) 555-0143 or +15125550143.");
                return;
            }
            caller.setInvalid(false);
            if (line.getValue() == null) {
                throw new SimulatorUnavailable("this contractor has no phone line yet", null);
            }
            action.run();
        } catch (SimulatorUnavailable e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private PhoneNumber callerNumber() {
        return parsedCaller().orElseThrow();
    }

    private Optional<PhoneNumber> parsedCaller() {
        try {
            return Optional.of(PhoneNumber.parse(caller.getValue()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The text-back is sent by a job a moment after the call: look again every second while open. */
    @Override
    protected void onAttach(AttachEvent event) {
        if (sandbox.available()) {
            event.getUI().setPollInterval(1000);
            polling = event.getUI().addPollListener(e -> refresh());
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }
}
