package io.redial.leads;

import io.redial.shared.TenantId;

/** The lead's text-back did not reach the caller ({@code reason} in plain words): a person must call them back. */
public record LeadNotReachedByText(TenantId tenant, long leadId, String reason) {
}
