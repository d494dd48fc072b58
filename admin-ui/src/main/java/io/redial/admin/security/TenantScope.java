package io.redial.admin.security;

import com.vaadin.flow.server.VaadinSession;
import io.redial.shared.TenantId;
import io.redial.tenants.Tenant;
import io.redial.tenants.Tenants;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant every screen shows: the signed-in user's own, never taken from a URL or a field. Only a platform
 * admin (a user without a tenant) may choose one, and the choice lives in their session.
 */
@Component
public class TenantScope {

    private static final String CHOSEN = TenantScope.class.getName() + ".chosen";

    private final Tenants tenants;

    TenantScope(Tenants tenants) {
        this.tenants = tenants;
    }

    public Optional<ConsoleUser> user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ConsoleUser user ? Optional.of(user) : Optional.empty();
    }

    /** The tenant in scope; empty for a platform admin while no tenant exists. */
    public Optional<Tenant> tenant() {
        ConsoleUser user = user().orElseThrow(() -> new AccessDeniedException("not signed in"));
        TenantId own = user.account().tenant();
        if (own != null) {
            return tenants.find(own);
        }
        TenantId chosen = session() == null ? null : (TenantId) session().getAttribute(CHOSEN);
        return Optional.ofNullable(chosen).flatMap(tenants::find).or(() -> tenants.all().stream().findFirst());
    }

    public TenantId tenantId() {
        return tenant().map(Tenant::id).orElseThrow(() -> new AccessDeniedException("no tenant in scope"));
    }

    /** The numbers of the tenant in scope, for filters. */
    public List<io.redial.shared.PhoneNumber> lines() {
        return tenant().map(t -> tenants.lines(t.id()).stream().map(io.redial.tenants.PhoneLine::number).toList())
                .orElse(List.of());
    }

    public boolean platformAdmin() {
        return user().map(u -> u.account().platformAdmin()).orElse(false);
    }

    /** What a platform admin may switch between; a tenant's user gets only their own. */
    public List<Tenant> choosable() {
        return platformAdmin() ? tenants.all() : tenant().stream().toList();
    }

    public void choose(TenantId tenant) {
        if (!platformAdmin()) {
            throw new AccessDeniedException("only a platform admin may switch tenants");
        }
        VaadinSession session = session();
        if (session != null) {
            session.setAttribute(CHOSEN, tenant);
        }
    }

    private static VaadinSession session() {
        return VaadinSession.getCurrent();
    }
}
