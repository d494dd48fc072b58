package io.redial.admin;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.BeforeLeaveEvent;
import java.util.function.BooleanSupplier;

/**
 * The console's one rule for forms: leaving a screen with changes not saved asks first, and nothing is lost
 * without a choice. Screens that save as you go have nothing unsaved and never ask.
 */
public final class UnsavedChanges {

    private UnsavedChanges() {
    }

    /** Call from {@code beforeLeave}: postpones the navigation and asks when {@code unsaved} says so. */
    public static void askBeforeLeaving(BeforeLeaveEvent event, BooleanSupplier unsaved, String what) {
        if (!unsaved.getAsBoolean()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction leave = event.postpone();
        ConfirmDialog ask = new ConfirmDialog();
        ask.setId("unsaved-changes");
        ask.setHeader("Leave without saving?");
        ask.setText("Your changes to " + what + " are not saved yet.");
        ask.setCancelable(true);
        ask.setCancelText("Stay and save");
        ask.setConfirmText("Leave without saving");
        ask.setConfirmButtonTheme("error primary");
        ask.addConfirmListener(e -> leave.proceed());
        ask.open();
    }
}
