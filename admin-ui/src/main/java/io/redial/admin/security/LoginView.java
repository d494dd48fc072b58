package io.redial.admin.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Sign-in. In sandbox mode it also says how to sign in to the demo contractor. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Redial")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();
    final Paragraph sandboxHint = new Paragraph();

    LoginView(SandboxAdmin sandbox) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login"); // Spring Security's form login handles the POST
        form.setForgotPasswordButtonVisible(false);
        sandboxHint.setId("sandbox-sign-in");
        sandbox.hint().ifPresentOrElse(sandboxHint::setText, () -> sandboxHint.setVisible(false));
        add(new H1("Redial"), sandboxHint, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
