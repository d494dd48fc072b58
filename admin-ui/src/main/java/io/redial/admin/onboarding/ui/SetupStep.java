package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** One step of the guided setup: its form, and saving it before the wizard moves on. */
abstract class SetupStep extends VerticalLayout {

    final Paragraph problem = new Paragraph();

    SetupStep(String title, String explanation) {
        setPadding(false);
        problem.addClassNames("problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        add(new H3(title), new Paragraph(explanation));
    }

    /** Saves what the step shows; false (with the reason shown) when it cannot be saved as entered. */
    final boolean save() {
        try {
            store();
            problem.setVisible(false);
            return true;
        } catch (IllegalArgumentException | java.time.DateTimeException invalid) {
            problem.setText(invalid.getMessage());
            problem.setVisible(true);
            return false;
        }
    }

    /** @throws IllegalArgumentException with words for the admin when the input is not usable */
    abstract void store();
}
