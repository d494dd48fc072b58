package io.redial.admin.triage.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The triage screen's place in the console's navigation; the view itself stays package-private. */
public final class TriageNavigation {

    private TriageNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Triage rules", TriageView.class, VaadinIcon.EXCLAMATION_CIRCLE_O.create());
    }
}
