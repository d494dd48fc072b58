package io.redial.admin.onboarding.ui;

import io.redial.admin.templates.ui.TemplateForm;
import io.redial.shared.TenantId;
import io.redial.tenants.Templates;
import io.redial.tenants.TextBackTemplates;

/** The first text a missed caller gets during business hours, with its preview and segment counter. */
class TemplateStep extends SetupStep {

    final TemplateForm form = new TemplateForm(TextBackTemplates.BUSINESS_HOURS, "During business hours",
            "first-template");
    private final Templates templates;
    private final TenantId tenant;

    TemplateStep(Templates templates, TenantId tenant) {
        super("Your first text", "What a caller you missed reads seconds later. Keep it to one or two segments; "
                + "the after-hours text can be edited on the Templates screen.");
        this.templates = templates;
        this.tenant = tenant;
        form.save.setVisible(false); // the wizard's button saves
        form.sendTest.setVisible(false); // the last step places a whole test call
        form.body.setValue(templates.current(tenant, form.kind));
        form.show(templates.preview(tenant, form.kind, form.body.getValue()));
        form.onChange(e -> form.show(templates.preview(tenant, form.kind, form.body.getValue())));
        check(form.body, "Write the text a missed caller gets.", body -> true, "");
        add(form);
    }

    @Override
    void store() {
        try {
            templates.save(tenant, null, form.kind, form.body.getValue());
        } catch (Templates.TemplateRejected rejected) {
            form.showProblem(rejected.getMessage()); // beside the text, with the preview
            throw new Refused(form.body, rejected.getMessage());
        }
    }
}
