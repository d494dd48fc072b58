package io.redial.crm.sync;

import io.redial.crm.CrmId;
import io.redial.shared.TenantId;

/** A tenant connected (or reconnected) a CRM; work that waited for it resumes. */
public record CrmConnected(TenantId tenant, CrmId crm, long connectionId) {
}
