package io.redial.admin.simulator.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The simulator's place in the console's navigation; the view itself stays package-private. */
public final class SimulatorNavigation {

    private SimulatorNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Simulator", SimulatorView.class, VaadinIcon.MOBILE.create());
    }

    /** For links from other screens (e.g. the empty dashboard's first steps). */
    public static Class<? extends com.vaadin.flow.component.Component> view() {
        return SimulatorView.class;
    }
}
