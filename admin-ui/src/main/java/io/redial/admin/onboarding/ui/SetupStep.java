package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.function.SerializablePredicate;
import io.redial.admin.Forms;

/**
 * One step of the guided setup: its form, bound through a {@link Binder} so a bad value shows beside its field,
 * and saving it before the wizard moves on.
 */
abstract class SetupStep extends VerticalLayout {

    /** The step's checks; the values are read from the fields when the step is stored. */
    final Binder<Object> binder = new Binder<>();
    /** Only for a refusal no field can show (a step that does not name its field). */
    final Paragraph problem = new Paragraph();

    /** A value the step cannot store, shown beside the field it is about. */
    static final class Refused extends IllegalArgumentException {
        final transient HasValidation field;

        Refused(HasValidation field, String message) {
            super(message);
            this.field = field;
        }
    }

    SetupStep(String title, String explanation) {
        setPadding(false);
        problem.addClassNames("problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        add(new H3(title), new Paragraph(explanation));
    }

    /** Adds a check of one field: required (when {@code required} is not null) and then {@code ok}. */
    <V> void check(HasValue<?, V> field, String required, SerializablePredicate<V> ok, String message) {
        Forms.check(binder, field, required, ok, message);
    }

    /** Saves what the step shows; false (with the reason beside its field) when it cannot be saved as entered. */
    final boolean save() {
        if (!Forms.valid(binder)) {
            return false;
        }
        try {
            store();
            problem.setVisible(false);
            return true;
        } catch (Refused refused) {
            Forms.refuse(refused.field, refused.getMessage());
            return false;
        } catch (IllegalArgumentException | java.time.DateTimeException invalid) {
            problem.setText(invalid.getMessage());
            problem.setVisible(true);
            return false;
        }
    }

    /** Something changed in the step that "Save and continue" has not stored. */
    boolean unsaved() {
        return binder.hasChanges();
    }

    /** @throws IllegalArgumentException with words for the admin when the input is not usable */
    abstract void store();
}
