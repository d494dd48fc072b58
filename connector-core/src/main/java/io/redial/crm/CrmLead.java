package io.redial.crm;

import io.redial.leads.LeadDetails;
import io.redial.shared.PhoneNumber;
import java.net.URI;

/** A lead as a CRM receives it: who called, what we know, where it came from and where to see it in Redial. */
public record CrmLead(long leadId, PhoneNumber phone, LeadDetails details, String source, URI link) {
}
