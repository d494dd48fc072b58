package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;

/** A text from one of the tenant's own staff or on-call numbers (e.g. acknowledging a page). */
public record StaffTextReceived(TenantId tenant, long messageId, PhoneNumber from, PhoneNumber line, String body) {
}
