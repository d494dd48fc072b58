package io.redial.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.redial.admin.calls.ui.CallsView;
import io.redial.admin.compliance.ui.ComplianceNavigation;
import io.redial.admin.conversations.ui.ConversationsNavigation;
import io.redial.admin.crm.ui.CrmNavigation;
import io.redial.admin.dashboard.ui.DashboardNavigation;
import io.redial.admin.hours.ui.HoursNavigation;
import io.redial.admin.leads.ui.LeadsNavigation;
import io.redial.admin.lines.ui.LinesNavigation;
import io.redial.admin.onboarding.ui.OnboardingNavigation;
import io.redial.admin.oncall.ui.OnCallNavigation;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.admin.simulator.ui.SimulatorNavigation;
import io.redial.admin.team.ui.TeamNavigation;
import io.redial.admin.templates.ui.TemplatesNavigation;
import io.redial.admin.triage.ui.TriageNavigation;
import io.redial.shared.twilio.TwilioAccount;
import io.redial.tenants.Tenant;
import jakarta.annotation.security.PermitAll;

/** The frame around every screen: title, sandbox badge, who is signed in, and navigation. */
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(TwilioAccount twilio, TenantScope scope, AuthenticationContext authentication) {
        H1 title = new H1("Redial");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        // one line at any width: on a phone the long words give way, nothing is pushed off the screen
        header.getStyle().set("min-width", "0").set("overflow", "hidden");
        header.addClassNames(LumoUtility.Padding.Horizontal.MEDIUM, LumoUtility.Gap.SMALL);
        if (twilio.sandbox()) {
            Span badge = new Span(wideOnly("Sandbox: texts stay on this machine"), narrowOnly("Sandbox"));
            badge.getElement().getThemeList().add("badge contrast");
            badge.setId("sandbox-badge");
            badge.getElement().setAttribute("title", "Sandbox: texts stay on this machine");
            badge.getStyle().set("flex-shrink", "0");
            header.add(badge);
        }
        header.add(tenantOf(scope), signOut(scope, authentication));
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(DashboardNavigation.item());
        nav.addItem(new SideNavItem("Calls", CallsView.class, VaadinIcon.PHONE.create()));
        nav.addItem(LeadsNavigation.item());
        nav.addItem(ConversationsNavigation.item());
        nav.addItem(SimulatorNavigation.item());
        if (scope.user().map(u -> u.hasRole(ConsoleUser.OWNER) || u.hasRole(ConsoleUser.ADMIN)).orElse(false)) {
            nav.addItem(TemplatesNavigation.item());
            nav.addItem(HoursNavigation.item());
            nav.addItem(TriageNavigation.item());
            nav.addItem(OnCallNavigation.item());
            nav.addItem(LinesNavigation.item());
            nav.addItem(ComplianceNavigation.item());
            nav.addItem(CrmNavigation.item());
            nav.addItem(TeamNavigation.item());
            nav.addItem(OnboardingNavigation.item());
        }
        addToDrawer(nav);
        getElement().appendChild(phoneWidthRules());
    }

    /**
     * At phone width every row wraps and no field is wider than the screen, so no screen needs a sideways
     * scrollbar; one rule here rather than a width fix on each screen.
     */
    private static com.vaadin.flow.dom.Element phoneWidthRules() {
        com.vaadin.flow.dom.Element style = new com.vaadin.flow.dom.Element("style");
        style.setText("@media (max-width: 640px) {"
                + " vaadin-horizontal-layout:not([slot='navbar']) { flex-wrap: wrap; }"
                + " vaadin-text-field, vaadin-text-area, vaadin-email-field, vaadin-password-field, vaadin-combo-box,"
                + " vaadin-select, vaadin-integer-field, vaadin-big-decimal-field, vaadin-date-picker,"
                + " vaadin-time-picker, vaadin-checkbox-group, vaadin-radio-group, vaadin-form-layout { max-width: 100%; } }");
        return style;
    }

    /** A tenant's user sees their business; a platform admin picks one. */
    private static com.vaadin.flow.component.Component tenantOf(TenantScope scope) {
        if (!scope.platformAdmin()) {
            Span name = new Span(scope.tenant().map(Tenant::name).orElse(""));
            name.setId("tenant-name");
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.Left.AUTO, LumoUtility.Whitespace.NOWRAP,
                    LumoUtility.Overflow.HIDDEN, LumoUtility.TextOverflow.ELLIPSIS);
            name.getStyle().set("min-width", "0");
            return name;
        }
        Select<Tenant> picker = new Select<>();
        picker.setId("tenant");
        picker.setItems(scope.choosable());
        picker.setItemLabelGenerator(Tenant::name);
        scope.tenant().ifPresent(picker::setValue);
        picker.addClassNames(LumoUtility.Margin.Left.AUTO);
        picker.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                scope.choose(e.getValue().id());
                UI.getCurrent().refreshCurrentRoute(false);
            }
        });
        return picker;
    }

    private static com.vaadin.flow.component.Component signOut(TenantScope scope, AuthenticationContext authentication) {
        String who = scope.user().map(u -> u.getUsername()).orElse("");
        Button button = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        button.getElement().appendChild(wideOnly("Sign out " + who).getElement());
        button.setAriaLabel("Sign out " + who);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.getStyle().set("flex-shrink", "0");
        button.setId("sign-out");
        return button;
    }

    /** Words shown from tablet width up; on a phone the short form or the icon stands in. */
    private static Span wideOnly(String text) {
        Span span = new Span(text);
        span.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Small.INLINE);
        return span;
    }

    private static Span narrowOnly(String text) {
        Span span = new Span(text);
        span.addClassNames(LumoUtility.Display.INLINE, LumoUtility.Display.Breakpoint.Small.HIDDEN);
        return span;
    }
}
