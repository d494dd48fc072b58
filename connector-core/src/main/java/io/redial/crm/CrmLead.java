package io.redial.crm;

import io.redial.leads.LeadDetails;
import io.redial.shared.PhoneNumber;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A lead as a CRM receives it: who called, what we know, where it came from and where to see it in Redial, and
 * the tenant's time zone, in which its records give times ({@link RecordText}).
 */
public record CrmLead(long leadId, PhoneNumber phone, LeadDetails details, String source, URI link, ZoneId zone) {

    /** A lead whose tenant's zone is not at hand: times in UTC. */
    public CrmLead(long leadId, PhoneNumber phone, LeadDetails details, String source, URI link) {
        this(leadId, phone, details, source, link, ZoneOffset.UTC);
    }
}
