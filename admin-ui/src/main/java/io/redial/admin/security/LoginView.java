package io.redial.admin.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/** Sign-in. In sandbox mode it also says how to sign in to the demo contractor. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Redial")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    static final String OIDC_REFUSED = "oidc-refused";

    final LoginForm form = new LoginForm();
    final Paragraph sandboxHint = new Paragraph();
    final Anchor oidc = new Anchor();
    final Paragraph oidcRefused = new Paragraph();

    LoginView(SandboxAdmin sandbox, ObjectProvider<OidcSignInConfiguration.OidcProvider> provider) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login"); // Spring Security's form login handles the POST
        form.setForgotPasswordButtonVisible(false);
        sandboxHint.setId("sandbox-sign-in");
        sandbox.hint().ifPresentOrElse(sandboxHint::setText, () -> sandboxHint.setVisible(false));
        add(new H1("Redial"), sandboxHint, form);
        oidcRefused.setId("oidc-refused");
        oidcRefused.getStyle().set("color", "var(--lumo-error-text-color)");
        oidcRefused.setVisible(false);
        provider.ifAvailable(p -> {
            oidc.setText("Sign in with " + p.name());
            oidc.setHref(p.authorizationPath());
            oidc.setRouterIgnore(true); // a server redirect to the provider, not a console route
            oidc.setId("oidc-sign-in");
            add(oidc, oidcRefused);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        if (event.getLocation().getQueryParameters().getParameters().containsKey(OIDC_REFUSED)) {
            oidcRefused.setText(refusal());
            oidcRefused.setVisible(true);
        }
    }

    /** Why the provider's sign-in was refused, as the failure handler left it in the session. */
    private static String refusal() {
        VaadinSession session = VaadinSession.getCurrent();
        Object error = session == null ? null : session.getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return error instanceof AuthenticationException refused && refused.getMessage() != null ? refused.getMessage()
                : "That account may not sign in to the console.";
    }
}
