package io.redial.leads;

import io.redial.shared.TenantId;

/** A lead was judged an emergency and the on-call ladder is being paged. */
public record EmergencyEscalated(TenantId tenant, long leadId, String rule, String summary) {
}
