package io.redial.admin.conversations.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The conversations screen's place in the console's navigation; the view itself stays package-private. */
public final class ConversationsNavigation {

    private ConversationsNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Conversations", ConversationsView.class, VaadinIcon.CHAT.create());
    }

    /** Where one thread opens, for links from other screens (e.g. a lead's page). */
    public static String path(long conversationId) {
        return ConversationsView.ROUTE + "?id=" + conversationId;
    }
}
