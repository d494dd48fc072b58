package io.redial.admin.lines.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The phone lines screen's place in the console's navigation; the view itself stays package-private. */
public final class LinesNavigation {

    private LinesNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Phone lines", LinesView.class, VaadinIcon.PHONE_LANDLINE.create());
    }
}
