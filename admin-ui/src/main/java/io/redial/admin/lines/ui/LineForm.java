package io.redial.admin.lines.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.redial.shared.PhoneNumber;
import io.redial.tenants.CallPattern;
import io.redial.tenants.LineSettings;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One line's editor. Passive: it shows what it is given and fires a save event; the view talks to the service. */
class LineForm extends VerticalLayout {

    static final String RING_ALL = "All at once";
    static final String RING_IN_ORDER = "In order, one ring timeout each";

    final H3 title = new H3();
    final RadioButtonGroup<CallPattern> pattern = new RadioButtonGroup<>("How calls reach this line");
    final RadioButtonGroup<String> ringOrder = new RadioButtonGroup<>("Ring the team's phones");
    final TextArea ringList = new TextArea("Ring list");
    final IntegerField ringTimeout = new IntegerField("Ring timeout (seconds)");
    final Checkbox screening = new Checkbox("Screen calls (the person answering presses a key to take it)");
    final TextField forwardedFrom = new TextField("Forwarded from (your business number)");
    final Paragraph forwardingNote = new Paragraph();
    final IntegerField pace = new IntegerField("Texts per minute");
    final Span problem = new Span();
    final Button save = new Button("Save line");
    private LineSettings.@Nullable Line shown;

    LineForm() {
        setId("line-form");
        setPadding(false);
        pattern.setItems(CallPattern.values());
        pattern.setItemLabelGenerator(p -> p == CallPattern.DIAL ? "Callers dial this number and Redial rings your phones"
                : "Your carrier forwards unanswered calls here");
        pattern.addValueChangeListener(e -> showPattern());
        ringOrder.setItems(RING_ALL, RING_IN_ORDER);
        ringList.setHelperText("One phone per line, e.g. +1 512 555 0100. In order, the first rings first.");
        ringTimeout.setMin(5);
        ringTimeout.setMax(60);
        ringTimeout.setStepButtonsVisible(true);
        pace.setHelperText("Empty: the account's pace");
        problem.getElement().getThemeList().add("badge error");
        problem.setVisible(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveRequested(this)));
        FormLayout fields = new FormLayout(pattern, ringOrder, ringList, ringTimeout, screening, forwardedFrom, pace);
        fields.setColspan(pattern, 2);
        add(title, fields, forwardingNote, new HorizontalLayout(save, problem));
        setVisible(false);
    }

    void edit(LineSettings.Line line) {
        shown = line;
        // numbers as the office reads them (national format); typing either form is accepted back
        io.redial.admin.PhoneFormat phones = new io.redial.admin.PhoneFormat(line.number());
        title.setText(phones.show(line.number()));
        pattern.setValue(line.pattern());
        ringOrder.setValue(line.ringInOrder() ? RING_IN_ORDER : RING_ALL);
        ringList.setValue(line.ringList().stream().map(phones::show).collect(Collectors.joining("\n")));
        ringTimeout.setValue(line.ringTimeoutSeconds());
        screening.setValue(line.screening());
        forwardedFrom.setValue(line.forwardedFrom() == null ? "" : phones.show(line.forwardedFrom()));
        pace.setValue(line.sendsPerMinute());
        pace.setPlaceholder(String.valueOf(line.tenantSendsPerMinute()));
        showProblem(null);
        showPattern();
        setVisible(true);
    }

    /** The line as the fields describe it now; throws with a clear message on a mistyped number. */
    LineSettings.Line read() {
        LineSettings.Line line = java.util.Objects.requireNonNull(shown);
        String from = forwardedFrom.getValue().strip();
        return new LineSettings.Line(line.id(), line.number(), pattern.getValue(), RING_IN_ORDER.equals(ringOrder.getValue()),
                LineSettings.numbers(ringList.getValue()), ringTimeout.getValue() == null ? 0 : ringTimeout.getValue(),
                screening.getValue(), from.isEmpty() ? null : LineSettings.number(from), pace.getValue(),
                line.tenantSendsPerMinute());
    }

    /** Whether the fields say something other than the line as shown (a value that cannot be read counts). */
    boolean unsaved() {
        if (shown == null || !isVisible()) {
            return false;
        }
        try {
            return !read().equals(shown);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    /** A refusal beside the field it is about, as on every form; only one about no field (a line gone) stays by Save. */
    void showProblem(@Nullable String why) {
        for (var field : java.util.List.<com.vaadin.flow.component.HasValidation>of(ringList, ringTimeout, forwardedFrom, pace)) {
            field.setInvalid(false);
        }
        com.vaadin.flow.component.HasValidation field = why == null ? null : fieldOf(why);
        if (field != null) {
            io.redial.admin.Forms.refuse(field, why);
        }
        problem.setText(why == null || field != null ? "" : why);
        problem.setVisible(why != null && field == null);
    }

    private com.vaadin.flow.component.@Nullable HasValidation fieldOf(String why) {
        if (why.contains("is not a phone number")) {
            String typed = why.substring(1, Math.max(1, why.indexOf("\" is not")));
            return forwardedFrom.isVisible() && forwardedFrom.getValue().strip().equals(typed) ? forwardedFrom : ringList;
        }
        if (why.contains("ring list") || why.contains("ring itself")) {
            return ringList;
        }
        if (why.startsWith("Ring timeout")) {
            return ringTimeout;
        }
        return why.startsWith("Texts per minute") ? pace : null;
    }

    private void showPattern() {
        boolean dial = pattern.getValue() == CallPattern.DIAL;
        ringOrder.setVisible(dial);
        ringList.setVisible(dial);
        ringTimeout.setVisible(dial);
        screening.setVisible(dial);
        forwardedFrom.setVisible(!dial);
        forwardingNote.setVisible(!dial && shown != null);
        if (shown != null) {
            forwardingNote.setText("Ask your phone carrier to forward calls you don't answer (\"conditional call "
                    + "forwarding: no answer, busy, unreachable\") to " + new io.redial.admin.PhoneFormat(shown.number()).show(shown.number())
                    + ". Every call that arrives here counts as missed.");
        }
    }

    Registration onSave(ComponentEventListener<SaveRequested> listener) {
        return addListener(SaveRequested.class, listener);
    }

    static class SaveRequested extends ComponentEvent<LineForm> {
        SaveRequested(LineForm source) {
            super(source, false);
        }
    }
}
