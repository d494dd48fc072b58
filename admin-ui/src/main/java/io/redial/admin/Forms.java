package io.redial.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;

/** How every console form reports a bad value: beside the field, the field marked, focused and scrolled into view. */
public final class Forms {

    private Forms() {
    }

    /** Validates every binding; on failure brings the first bad field into view. */
    public static boolean valid(Binder<?> binder) {
        BinderValidationStatus<?> status = binder.validate();
        if (status.isOk()) {
            return true;
        }
        status.getFieldValidationErrors().stream().findFirst().map(error -> error.getField())
                .filter(Component.class::isInstance).map(Component.class::cast).ifPresent(Forms::bringIntoView);
        return false;
    }

    /** A message about one field, from the server (e.g. a refusal on save), shown beside that field. */
    public static void refuse(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        if (field instanceof Component component) {
            bringIntoView(component);
        }
    }

    private static void bringIntoView(Component field) {
        field.scrollIntoView();
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
    }
}
