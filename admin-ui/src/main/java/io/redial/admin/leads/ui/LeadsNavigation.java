package io.redial.admin.leads.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The leads screen's place in the console's navigation; the views themselves stay package-private. */
public final class LeadsNavigation {

    private LeadsNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Leads", LeadsView.class, VaadinIcon.USER_CARD.create());
    }

    /** Where one lead opens, for links from other screens (calls, conversations, the simulator). */
    public static String path(long leadId) {
        return "leads/" + leadId;
    }

    /** A lead's status ({@link io.redial.leads.LeadStatus} name) in the words every screen uses. */
    public static String statusWord(String status) {
        return LeadsView.statusWord(io.redial.leads.LeadStatus.valueOf(status));
    }

    /** For links from other screens (e.g. the empty dashboard's first steps). */
    public static Class<? extends com.vaadin.flow.component.Component> view() {
        return LeadsView.class;
    }
}
