package io.redial.admin.team.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The team screen's place in the console's navigation; the view itself stays package-private. */
public final class TeamNavigation {

    private TeamNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Team", TeamView.class, VaadinIcon.USERS.create());
    }
}
