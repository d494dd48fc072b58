package io.redial.admin.onboarding.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The guided setup's place in the console's navigation; the view itself stays package-private. */
public final class OnboardingNavigation {

    private OnboardingNavigation() {
    }

    public static SideNavItem item() {
        return new SideNavItem("Setup", OnboardingView.class, VaadinIcon.CHECK_SQUARE_O.create());
    }

    public static Class<? extends Component> view() {
        return OnboardingView.class;
    }
}
