package io.redial.admin.templates.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The templates screen's place in the console's navigation; the view itself stays package-private. */
public final class TemplatesNavigation {

    private TemplatesNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Templates", TemplatesView.class, VaadinIcon.COMMENT_ELLIPSIS_O.create());
    }
}
