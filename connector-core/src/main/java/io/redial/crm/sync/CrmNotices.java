package io.redial.crm.sync;

import io.redial.crm.CrmCatalog;
import io.redial.crm.CrmProvider;
import io.redial.shared.notices.AdminNotices;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The tenant's admin is told when a CRM stops taking our credentials: nothing syncs until they reconnect. */
@Component
class CrmNotices {

    static final String KIND = "crm-connection";

    private final AdminNotices notices;
    private final CrmCatalog catalog;

    CrmNotices(AdminNotices notices, CrmCatalog catalog) {
        this.notices = notices;
        this.catalog = catalog;
    }

    @EventListener
    void on(CrmConnectionBroken event) {
        String name = catalog.find(event.crm()).map(CrmProvider::displayName).orElse(event.crm().value());
        notices.tell(event.tenant(), KIND, name + " stopped accepting Redial's sign-in (" + event.reason()
                + "). Leads wait until you reconnect it on the CRM screen.");
    }
}
