package io.redial.admin.dashboard.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The dashboard's place in the console's navigation; the view itself stays package-private. */
public final class DashboardNavigation {

    private DashboardNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Dashboard", DashboardView.class, VaadinIcon.DASHBOARD.create());
    }
}
