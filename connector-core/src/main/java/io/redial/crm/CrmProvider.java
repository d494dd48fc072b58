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

    /**
     * Where a person opens this record in the CRM's own app, when the adapter knows: from {@link CrmRecordRef#link()}
     * (the link the CRM's answer carried, stored with the record) or built from {@code accountId}, the
     * connection's external account. Empty by default: the console then shows the record's id without a link.
     */
    default java.util.Optional<java.net.URI> recordLink(CrmRecordRef record, @org.jspecify.annotations.Nullable String accountId) {
        return java.util.Optional.empty();
    }

    /** A gateway bound to one tenant's connection; cheap, made per unit of work. */
    CrmGateway connect(CrmConnection connection);

    /** The journal to poll for app events, for CRMs that report uninstalls only there (see {@link CrmJournal}). */
    default java.util.Optional<CrmJournal> journal() {
        return java.util.Optional.empty();
    }
}
