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
import io.redial.admin.MainLayout;
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
 * The guided setup: business, hours, line and call pattern, first text, on-call ladder, then a test call in the
 * simulator. Each step saves before the next opens, and the step reached is kept, so leaving mid-way resumes
 * there. Steps are built when shown, so each reads what the previous one saved.
 */
@Route(value = "onboarding", layout = MainLayout.class)
@PageTitle("Setup · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class OnboardingView extends VerticalLayout {

    private static final Map<Step, String> NAMES = new EnumMap<>(Map.of(Step.BUSINESS, "Business",
            Step.HOURS, "Hours", Step.LINE, "Phone line", Step.TEMPLATE, "First text", Step.ON_CALL, "On call",
            Step.TEST_CALL, "Test call"));

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

    OnboardingView(Onboarding onboarding, TenantScope scope, BusinessHours hours, Templates templates, Tenants tenants) {
        this.onboarding = onboarding;
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
        testCall.addClickListener(e -> {
            onboarding.finish(tenant);
            UI.getCurrent().navigate("simulator");
        });
        finish.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        finish.addClickListener(e -> {
            onboarding.finish(tenant);
            UI.getCurrent().navigate("dashboard");
        });
        add(new H2("Set up Redial"), progress, content, new HorizontalLayout(back, next, testCall, finish));
        show(onboarding.resumeAt(tenant));
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
        testCall.setVisible(last);
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
            case TEST_CALL -> new TestCallStep();
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

    /** The end: a test call through the simulator, as a caller would experience it. */
    static class TestCallStep extends SetupStep {
        TestCallStep() {
            super("Try it", "Place a test call: the simulator calls your line, lets it ring out, and shows the text a "
                    + "missed caller gets. Reply to it to talk with Anna.");
            add(new Paragraph("You can change everything later on the Templates, Hours and Team screens."));
        }

        @Override
        void store() {
        }
    }
}
