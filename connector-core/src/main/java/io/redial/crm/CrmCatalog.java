package io.redial.crm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The CRM adapters installed in this app, as the console and the sync see them. */
@Component
public class CrmCatalog {

    private final List<CrmProvider> providers;

    CrmCatalog(ObjectProvider<CrmProvider> providers) {
        // None installed is normal (sandbox, tests): an empty catalog, not a failed start.
        this.providers = providers.orderedStream().sorted(Comparator.comparing(CrmProvider::displayName)).toList();
    }

    public List<CrmProvider> providers() {
        return providers;
    }

    public Optional<CrmProvider> find(CrmId id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
