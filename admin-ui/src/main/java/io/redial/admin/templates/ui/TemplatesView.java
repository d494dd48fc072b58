package io.redial.admin.templates.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import java.util.List;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import io.redial.admin.MainLayout;
import io.redial.admin.UnsavedChanges;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.simulator.SandboxPhone;
import io.redial.simulator.SimulatorUnavailable;
import io.redial.tenants.Templates;
import io.redial.tenants.TextBackTemplates;
import jakarta.annotation.security.RolesAllowed;

/**
 * The texts a missed caller gets, in and after business hours: edited with a live preview and segment count,
 * checked on save, and sent to the simulator's phone as a test. The office role may not change them.
 */
@Route(value = "templates", layout = MainLayout.class)
@PageTitle("Templates · Redial")
@RolesAllowed({ConsoleUser.OWNER, ConsoleUser.ADMIN})
class TemplatesView extends VerticalLayout implements BeforeLeaveObserver {

    final TemplateForm businessHours = new TemplateForm(TextBackTemplates.BUSINESS_HOURS, "During business hours",
            "business-hours");
    final TemplateForm afterHours = new TemplateForm(TextBackTemplates.AFTER_HOURS, "After hours", "after-hours");
    final TemplateForm followUp = new TemplateForm(TextBackTemplates.FOLLOW_UP,
            "Follow-up, for a caller who hasn't replied (switched on under Hours)", "follow-up");
    final TemplateForm repeatCall = new TemplateForm(TextBackTemplates.REPEAT_CALL,
            "Repeat call, for someone who calls again before replying", "repeat-call");
    final TemplateForm businessHoursEs = spanish(TextBackTemplates.BUSINESS_HOURS, "During business hours", "business-hours-es");
    final TemplateForm afterHoursEs = spanish(TextBackTemplates.AFTER_HOURS, "After hours", "after-hours-es");
    final TemplateForm followUpEs = spanish(TextBackTemplates.FOLLOW_UP, "Follow-up", "follow-up-es");
    final TemplateForm repeatCallEs = spanish(TextBackTemplates.REPEAT_CALL, "Repeat call", "repeat-call-es");
    final Tabs languages = new Tabs(new Tab("English"), new Tab("Spanish"));
    private final Templates templates;
    private final SandboxPhone phone;
    private final TenantId tenant;
    private final java.util.Map<String, String> saved = new java.util.HashMap<>();

    TemplatesView(Templates templates, SandboxPhone phone, TenantScope scope) {
        this.templates = templates;
        this.phone = phone;
        this.tenant = scope.tenantId();
        setMaxWidth("48rem");
        VerticalLayout english = new VerticalLayout();
        VerticalLayout spanish = new VerticalLayout(new Paragraph("For a caller who wrote Spanish the last time: they "
                + "get these instead. Leave one empty and they get the English text."));
        for (VerticalLayout language : List.of(english, spanish)) {
            language.setPadding(false);
        }
        spanish.setVisible(false);
        languages.setId("template-languages");
        languages.addSelectedChangeListener(e -> {
            english.setVisible(languages.getSelectedIndex() == 0);
            spanish.setVisible(languages.getSelectedIndex() == 1);
        });
        add(new H2("Text templates"), languages, english, spanish);
        for (TemplateForm form : List.of(businessHours, afterHours, followUp, repeatCall, businessHoursEs, afterHoursEs, followUpEs,
                repeatCallEs)) {
            form.cannotTest = phone.available() && phone.lines(tenant).isEmpty()
                    ? "Add a phone line first (Lines, or step 3 of Setup): the test is sent from it." : null;
            form.body.setValue(templates.current(tenant, form.kind));
            saved.put(form.kind, form.body.getValue());
            form.show(templates.preview(tenant, form.kind, form.body.getValue()));
            form.onChange(e -> form.show(templates.preview(tenant, form.kind, form.body.getValue())));
            form.onSave(e -> save(form));
            form.onTest(e -> sendTest(form));
            form.sendTest.setVisible(phone.available());
            (TextBackTemplates.isSpanish(form.kind) ? spanish : english).add(form);
        }
    }

    private static TemplateForm spanish(String kind, String title, String id) {
        TemplateForm form = new TemplateForm(TextBackTemplates.spanish(kind), title + " (Spanish)", id);
        form.body.setHelperText("Merge fields: {business}, {callback_number}, {booking_link}. The caller's name and "
                + "today's hours read in English, so a Spanish text leaves them out.");
        form.body.setPlaceholder("e.g. Hola, habla {business}. Perdón por no contestar. Responda aquí o llame al {callback_number}.");
        return form;
    }

    boolean unsaved() {
        return java.util.stream.Stream.of(businessHours, afterHours, followUp, repeatCall, businessHoursEs, afterHoursEs, followUpEs,
                        repeatCallEs)
                .anyMatch(form -> !form.body.getValue().equals(saved.get(form.kind)));
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        UnsavedChanges.askBeforeLeaving(event, this::unsaved, "a text template");
    }

    private void save(TemplateForm form) {
        try {
            templates.save(tenant, null, form.kind, form.body.getValue());
            saved.put(form.kind, form.body.getValue());
            Notification.show(TextBackTemplates.isSpanish(form.kind) ? (form.body.getValue().isBlank()
                            ? "Removed: callers who wrote Spanish get the English text." : "Saved. Callers who wrote Spanish get this text.")
                            : form.kind.equals(TextBackTemplates.FOLLOW_UP) ? "Saved. The next follow-up uses this text."
                            : form.kind.equals(TextBackTemplates.REPEAT_CALL) ? "Saved. The next repeat caller gets this text."
                            : "Saved. The next missed caller gets this text.", 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (Templates.TemplateRejected rejected) {
            form.showProblem(rejected.getMessage());
        }
    }

    /** Sends the previewed text from the first line to a fresh simulated caller, then opens that phone. */
    private void sendTest(TemplateForm form) {
        try {
            PhoneNumber line = phone.lines(tenant).stream().findFirst()
                    .orElseThrow(() -> new SimulatorUnavailable("this contractor has no phone line yet", null)).number();
            PhoneNumber caller = phone.newCaller(tenant, line);
            phone.sendTest(tenant, line, caller, templates.preview(tenant, form.kind, form.body.getValue()).text());
            UI.getCurrent().navigate("simulator", QueryParameters.of("caller", caller.e164()));
        } catch (SimulatorUnavailable e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
