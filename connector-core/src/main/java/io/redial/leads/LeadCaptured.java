package io.redial.leads;

import io.redial.shared.TenantId;

/** A new lead exists (texted or suppressed alike). Published in the transaction that created it. */
public record LeadCaptured(TenantId tenant, long leadId) {
}
