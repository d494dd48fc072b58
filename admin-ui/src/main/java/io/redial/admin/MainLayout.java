package io.redial.admin;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.calls.ui.CallsView;
import io.redial.shared.twilio.TwilioAccount;

/** The frame around every screen: title, sandbox badge and navigation. */
public class MainLayout extends AppLayout {

    MainLayout(TwilioAccount twilio) {
        H1 title = new H1("Redial");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM);
        if (twilio.sandbox()) {
            Span badge = new Span("Sandbox: texts stay on this machine");
            badge.getElement().getThemeList().add("badge contrast");
            badge.setId("sandbox-badge");
            header.add(badge);
        }
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Calls", CallsView.class, VaadinIcon.PHONE.create()));
        addToDrawer(nav);
    }
}
