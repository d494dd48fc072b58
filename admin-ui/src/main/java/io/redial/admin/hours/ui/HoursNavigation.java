package io.redial.admin.hours.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The hours screen's place in the console's navigation; the view itself stays package-private. */
public final class HoursNavigation {

    private HoursNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Hours", HoursView.class, VaadinIcon.CLOCK.create());
    }
}
