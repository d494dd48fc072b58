package io.redial.admin.compliance.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The compliance screen's place in the console's navigation; the view itself stays package-private. */
public final class ComplianceNavigation {

    private ComplianceNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Compliance", ComplianceView.class, VaadinIcon.SHIELD.create());
    }
}
