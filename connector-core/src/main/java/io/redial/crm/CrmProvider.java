package io.redial.crm;

import java.util.Map;
import java.util.Set;

/** One installed CRM adapter, a singleton. Core finds them through {@link CrmCatalog}. */
public interface CrmProvider {

    CrmId id();

    String displayName();

    Set<CrmCapability> capabilities();

    /**
     * Request budgets per bucket, which core enforces per connection before each request. The bucket
     * {@link CrmThrottle#DEFAULT} counts every request; adapters may name stricter ones (e.g. "search").
     */
    default Map<String, CrmRateLimit> rateLimits() {
        return Map.of();
    }

    /** A gateway bound to one tenant's connection; cheap, made per unit of work. */
    CrmGateway connect(CrmConnection connection);
}
