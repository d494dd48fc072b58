package io.redial.admin.oncall.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The on-call screen's place in the console's navigation; the view itself stays package-private. */
public final class OnCallNavigation {

    private OnCallNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("On-call", OnCallView.class, VaadinIcon.BELL.create());
    }
}
