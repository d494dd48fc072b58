package io.redial.leads;

import io.redial.shared.TenantId;

/** The receptionist or a person learned more about a lead. Published in the transaction that stored it. */
public record LeadDetailsChanged(TenantId tenant, long leadId) {
}
