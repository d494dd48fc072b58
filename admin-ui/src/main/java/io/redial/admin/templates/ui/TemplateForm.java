package io.redial.admin.templates.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.tenants.Templates;
import org.jspecify.annotations.Nullable;

/**
 * One template's editor. Passive: it shows what it is given and fires events; the view talks to the service.
 * Public because the onboarding wizard reuses it for the first template.
 */
public class TemplateForm extends VerticalLayout {

    public final String kind;
    public final TextArea body = new TextArea();
    public final Paragraph preview = new Paragraph();
    public final Span segments = new Span();
    public final Span problem = new Span();
    public final Button save = new Button("Save");
    public final Button sendTest = new Button("Send a test to the simulator");
    /** Why no test can be sent whatever the text says (no phone line yet), or null. */
    @Nullable String cannotTest;

    public TemplateForm(String kind, String title, String id) {
        this.kind = kind;
        setId(id);
        setPadding(false);
        body.setWidthFull();
        body.setLabel("Text");
        body.setHelperText("Merge fields: {business}, {callback_number}, {booking_link}, Hi {caller_first_name}, "
                + "We're {hours_today}");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> fireEvent(new Changed(this)));
        preview.addClassNames(LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        preview.addClassNames("preview");
        segments.getElement().getThemeList().add("badge");
        segments.addClassNames("segments");
        problem.getElement().getThemeList().add("badge error");
        problem.addClassNames("problem");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveRequested(this)));
        sendTest.addClickListener(e -> fireEvent(new TestRequested(this)));
        add(new H3(title), body, new Div(new Span("Preview "), segments, problem), preview,
                new HorizontalLayout(save, sendTest));
    }

    public void show(Templates.Preview shown) {
        preview.setText(shown.text());
        segments.setText(shown.segments().segments() + (shown.segments().segments() == 1 ? " segment" : " segments")
                + " · " + shown.segments().units() + " " + shown.segments().encoding() + " characters");
        showProblem(shown.problem());
    }

    public void showProblem(@Nullable String why) {
        problem.setText(why == null ? "" : why);
        problem.setVisible(why != null);
        body.setErrorMessage(why); // beside the text, as on every form
        body.setInvalid(why != null);
        save.setEnabled(why == null);
        // a test sends exactly what Save would accept, so it waits for the same fix
        // an empty Spanish text is no problem (the caller gets the English one) but there is nothing to test
        String notYet = cannotTest != null ? cannotTest : why != null ? "Fix the text first: " + why
                : body.getValue().isBlank() ? "Write the text first." : null;
        sendTest.setEnabled(notYet == null);
        sendTest.setTooltipText(notYet);
    }

    public static class Changed extends ComponentEvent<TemplateForm> {
        Changed(TemplateForm source) {
            super(source, false);
        }
    }

    public static class SaveRequested extends ComponentEvent<TemplateForm> {
        SaveRequested(TemplateForm source) {
            super(source, false);
        }
    }

    public static class TestRequested extends ComponentEvent<TemplateForm> {
        TestRequested(TemplateForm source) {
            super(source, false);
        }
    }

    public Registration onChange(com.vaadin.flow.component.ComponentEventListener<Changed> listener) {
        return addListener(Changed.class, listener);
    }

    Registration onSave(com.vaadin.flow.component.ComponentEventListener<SaveRequested> listener) {
        return addListener(SaveRequested.class, listener);
    }

    Registration onTest(com.vaadin.flow.component.ComponentEventListener<TestRequested> listener) {
        return addListener(TestRequested.class, listener);
    }
}
