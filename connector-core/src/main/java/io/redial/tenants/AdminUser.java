package io.redial.tenants;

import io.redial.shared.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to the console. {@code tenant} is null for a platform admin, who may look at any
 * tenant; everyone else sees only their own. The password is stored hashed ({@code {bcrypt}…}).
 */
public record AdminUser(long id, @Nullable TenantId tenant, String username, String passwordHash, AdminRole role) {

    public boolean platformAdmin() {
        return tenant == null;
    }
}
