package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.shared.Registration;
import io.redial.admin.MainLayout;
import io.redial.admin.UnsavedChanges;
import io.redial.crm.CrmCatalog;
import io.redial.crm.sync.CrmStatus;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.PhoneFormat;
import io.redial.shared.DeliveryWords;
import io.redial.shared.PhoneNumber;
import io.redial.simulator.SandboxPhone;
import io.redial.tenants.PhoneLine;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.shared.TenantId;
import io.redial.tenants.BusinessHours;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Onboarding.Step;
import io.redial.tenants.Templates;
import io.redial.tenants.Tenants;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;

/**
 * The guided setup: business, hours, line and call pattern, first text, on-call ladder, the CRM, then a test call
 * in the simulator. Each step saves before the next opens, and the step reached is kept, so leaving mid-way resumes
 * there. Steps are built when shown, so each reads what the previous one saved.
 */
@Route(value = "onboarding", layout = MainLayout.class)
@PageTitle("Setup · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class OnboardingView extends VerticalLayout implements BeforeLeaveObserver {

    private static final Map<Step, String> NAMES = new EnumMap<>(Map.of(Step.BUSINESS, "Business",
            Step.HOURS, "Hours", Step.LINE, "Phone line", Step.TEMPLATE, "First text", Step.ON_CALL, "On call",
            Step.CRM, "CRM", Step.TEST_CALL, "Test call"));

    final Div progress = new Div();
    final Div content = new Div();
    final Button back = new Button("Back");
    final Button next = new Button("Save and continue");
    final Button testCall = new Button("Place a test call");
    final Button finish = new Button("Finish without a test call");
    SetupStep shown;
    Step current;
    private final Onboarding onboarding;
    private final TenantScope scope;
    private final BusinessHours hours;
    private final Templates templates;
    private final Tenants tenants;
    private final TenantId tenant;
    private final SandboxPhone sandbox;
    private final CrmStatus crmStatus;
    private final CrmCatalog catalog;
    private final PhoneFormat phones;
    private @Nullable PhoneNumber testCaller;
    private Registration polling = () -> { };

    OnboardingView(Onboarding onboarding, TenantScope scope, BusinessHours hours, Templates templates, Tenants tenants,
            SandboxPhone sandbox, CrmStatus crmStatus, CrmCatalog catalog) {
        this.crmStatus = crmStatus;
        this.catalog = catalog;
        this.onboarding = onboarding;
        this.sandbox = sandbox;
        this.phones = PhoneFormat.of(scope);
        this.scope = scope;
        this.hours = hours;
        this.templates = templates;
        this.tenants = tenants;
        this.tenant = scope.tenantId();
        setMaxWidth("52rem");
        progress.setId("setup-progress");
        progress.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.SMALL, LumoUtility.FlexWrap.WRAP);
        content.setWidthFull();
        back.addClickListener(e -> show(Step.values()[Math.max(0, current.ordinal() - 1)]));
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        next.setId("setup-next");
        next.addClickListener(e -> saveAndContinue());
        testCall.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        testCall.setId("setup-test-call");
        testCall.addClickListener(e -> placeTestCall());
        finish.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        finish.addClickListener(e -> {
            onboarding.finish(tenant);
            UI.getCurrent().navigate("dashboard");
        });
        add(new H2("Set up Redial"), progress, content, new HorizontalLayout(back, next, testCall, finish));
        show(onboarding.resumeAt(tenant));
    }

    /** Leaving mid-step with changes "Save and continue" has not stored asks first; moving between steps does not. */
    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, () -> shown != null && shown.unsaved(), "this setup step");
    }

    void saveAndContinue() {
        if (shown.save()) {
            current.next().ifPresent(this::show);
        }
    }

    void show(Step step) {
        current = step;
        onboarding.reached(tenant, step);
        shown = build(step);
        content.removeAll();
        content.add(shown);
        boolean last = step.next().isEmpty();
        back.setEnabled(step.ordinal() > 0);
        next.setVisible(!last);
        next.setText(step == Step.CRM ? "Continue" : "Save and continue"); // the CRM step stores nothing
        testCall.setVisible(last && sandbox.available());
        finish.setVisible(last);
        showProgress();
    }

    private SetupStep build(Step step) {
        return switch (step) {
            case BUSINESS -> new BusinessStep(onboarding, scope.tenant().orElseThrow());
            case HOURS -> new HoursStep(hours, tenant);
            case LINE -> new LineStep(onboarding, tenants, tenant);
            case TEMPLATE -> new TemplateStep(templates, tenant);
            case ON_CALL -> new OnCallStep(onboarding, tenant);
            case CRM -> new CrmStep(crmStatus, catalog, tenant);
            case TEST_CALL -> new TestCallStep(sandbox.available());
        };
    }

    private void showProgress() {
        progress.removeAll();
        for (Step step : Step.values()) {
            Span name = new Span((step.ordinal() + 1) + ". " + NAMES.get(step));
            name.getElement().getThemeList().add(step == current ? "badge primary"
                    : step.ordinal() < current.ordinal() ? "badge success" : "badge contrast");
            progress.add(name);
        }
    }

    /**
     * Rings the tenant's first line from a fresh fictional caller through the same webhooks Twilio would call, lets
     * it go unanswered, and shows here the text the caller got (it arrives a moment later, so the page looks again
     * every second until it does).
     */
    void placeTestCall() {
        PhoneNumber line = sandbox.lines(tenant).stream().findFirst().map(PhoneLine::number).orElse(null);
        TestCallStep step = (TestCallStep) shown;
        if (line == null) {
            step.result.setText("There is no phone line yet: set one in step 3, then place the test call.");
            return;
        }
        testCaller = sandbox.newCaller(tenant, line);
        sandbox.missedCall(tenant, line, testCaller);
        onboarding.finish(tenant);
        testCall.setText("Place another test call");
        finish.setText("Done: go to the dashboard");
        step.result.setText("Called " + phones.show(line) + " from " + phones.show(testCaller)
                + " and let it ring out. Waiting for the text…");
        step.simulator.setHref("simulator?caller=" + URLEncoder.encode(testCaller.e164(), StandardCharsets.UTF_8));
        step.simulator.setVisible(true);
        showTestText();
        getUI().ifPresent(ui -> {
            polling.remove();
            ui.setPollInterval(1000);
            polling = ui.addPollListener(e -> showTestText());
        });
    }

    /** The text the test caller received, once it is there; then the page stops looking. */
    void showTestText() {
        if (testCaller == null || !(shown instanceof TestCallStep step)) {
            return;
        }
        sandbox.thread(tenant, testCaller).stream().filter(t -> !t.fromCaller()).findFirst().ifPresent(text -> {
            step.result.setText("The caller got this text (" + DeliveryWords.of(text.state(), null) + "):");
            step.text.setText(text.body());
            step.text.setVisible(true);
            if (!DeliveryWords.of(text.state(), null).equals("waiting to send")) {
                stopPolling();
            }
        });
    }

    private void stopPolling() {
        polling.remove();
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    /** The end: a real test call in sandbox mode, and the text a missed caller gets, shown right here. */
    static class TestCallStep extends SetupStep {
        final Paragraph result = new Paragraph();
        final Paragraph text = new Paragraph();
        final Anchor simulator = new Anchor("simulator", "Reply as the caller in the Simulator to talk with Anna →");

        TestCallStep(boolean sandbox) {
            super("Try it", sandbox ? "Place a test call: Redial calls your line from a fictional number, lets it ring "
                    + "out, and shows here the text a missed caller gets."
                    : "Call your business number from your own phone and let it ring out: the text a missed caller "
                    + "gets arrives within seconds.");
            result.setId("test-call-result");
            text.setId("test-call-text");
            text.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
            text.setVisible(false);
            simulator.setId("test-call-simulator");
            simulator.setVisible(false);
            add(result, text, simulator,
                    new Paragraph("You can change everything later on the Templates, Hours and Team screens."));
        }

        @Override
        void store() {
        }
    }
}
