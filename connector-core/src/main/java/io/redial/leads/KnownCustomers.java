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

    Optional<KnownCustomer> lookUp(TenantId tenant, PhoneNumber phone);
}
