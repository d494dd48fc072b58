package io.redial.admin.crm.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The CRM screen's place in the console's navigation; the view itself stays package-private. */
public final class CrmNavigation {

    private CrmNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("CRM", CrmView.class, VaadinIcon.CONNECT.create());
    }
}
