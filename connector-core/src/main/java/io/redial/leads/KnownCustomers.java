package io.redial.leads;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Looks a caller up among the tenant's existing customers (in its CRM). Implementations may be slow or
 * fail; callers bound them with a time budget and text anyway.
 */
public interface KnownCustomers {

    record KnownCustomer(@Nullable String firstName, @Nullable String fullName, @Nullable String externalId) {
    }

    /**
     * Whether this directory could know any of the tenant's callers at all (a CRM is connected), answered from
     * what this node already knows, without waiting on anything: a tenant with nothing connected costs no
     * look-up thread and no database connection on the text-back's path.
     */
    default boolean mayKnow(TenantId tenant) {
        return true;
    }

    Optional<KnownCustomer> lookUp(TenantId tenant, PhoneNumber phone);
}
