package io.redial.crm.sync;

import io.redial.crm.CrmId;
import io.redial.shared.TenantId;

/** A CRM refused the tenant's credentials; the admin must reconnect. {@code reason} holds no secret. */
public record CrmConnectionBroken(TenantId tenant, CrmId crm, long connectionId, String reason) {
}
