package io.redial.leads;

import io.redial.shared.TenantId;
import java.time.Instant;

/** A job was booked for a lead, in a confirmed slot. The CRM sync turns it into the CRM's job or request. */
public record JobBooked(TenantId tenant, long leadId, Instant slotStart, Instant slotEnd, String summary) {
}
