package io.redial.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.function.SerializablePredicate;
import org.jspecify.annotations.Nullable;

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

    /**
     * Adds a check of one field to a binder whose values are read from the fields themselves (the binder only
     * checks): required when {@code required} is not null, then {@code ok}.
     */
    public static <V> void check(Binder<Object> binder, HasValue<?, V> field, @Nullable String required,
            SerializablePredicate<V> ok, String message) {
        Binder.BindingBuilder<Object, V> binding = binder.forField(field);
        if (required != null) {
            binding = binding.asRequired(required);
        }
        binding.withValidator(ok, message).bind(ignored -> field.getValue(), (ignored, value) -> { });
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
