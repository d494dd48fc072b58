package io.redial.admin.onboarding.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.redial.admin.security.ConsoleUser;
import io.redial.admin.security.TenantScope;
import io.redial.tenants.Onboarding;
import io.redial.tenants.Tenants;
import org.springframework.stereotype.Component;

/**
 * A tenant's first sign-in opens the guided setup: an owner or admin of a tenant that has not finished it and
 * has no phone line yet (a fresh CRM install; provisioned tenants come with their lines) is taken from the
 * landing screens to the setup instead. Other screens stay reachable, and a finished setup never reopens.
 */
@Component
class FirstSignInRedirect implements VaadinServiceInitListener {

    private final TenantScope scope;
    private final Onboarding onboarding;
    private final Tenants tenants;

    FirstSignInRedirect(TenantScope scope, Onboarding onboarding, Tenants tenants) {
        this.scope = scope;
        this.onboarding = onboarding;
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::redirect));
    }

    private void redirect(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (!(path.isEmpty() || path.equals("dashboard")) || !mayConfigure()) {
            return;
        }
        scope.tenant().filter(t -> tenants.lines(t.id()).isEmpty() && onboarding.pending(t.id()))
                .ifPresent(t -> event.forwardTo(OnboardingView.class));
    }

    private boolean mayConfigure() {
        return scope.user().map(u -> u.hasRole(ConsoleUser.OWNER) || u.hasRole(ConsoleUser.ADMIN)).orElse(false);
    }
}
