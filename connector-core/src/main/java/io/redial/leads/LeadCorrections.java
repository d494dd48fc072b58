package io.redial.leads;

import io.redial.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person correcting what Anna captured. The lead takes the corrected values as given, the change goes to the
 * CRM through the usual sync (the {@link LeadDetailsChanged} event), and the lead's timeline says who changed what.
 */
@Service
public class LeadCorrections {

    private final Leads leads;
    private final LeadJournal journal;

    LeadCorrections(Leads leads, LeadJournal journal) {
        this.leads = leads;
        this.journal = journal;
    }

    /** @return false when nothing differs from what the lead already says (nothing is written or synced) */
    @Transactional
    public boolean correct(TenantId tenant, long leadId, LeadDetails corrected, String actor) {
        Lead lead = leads.find(tenant, leadId).orElseThrow(() -> new IllegalArgumentException("no such lead"));
        LeadDetails was = lead.details();
        List<String> changes = new ArrayList<>();
        change(changes, "name", was.callerName(), corrected.callerName());
        change(changes, "address", was.serviceAddress(), corrected.serviceAddress());
        change(changes, "problem", was.problem(), corrected.problem());
        change(changes, "trade", was.trade(), corrected.trade());
        change(changes, "urgency", lower(was.urgency()), lower(corrected.urgency()));
        if (changes.isEmpty()) {
            return false;
        }
        // a new address has not been checked against the service area yet
        Boolean inArea = Objects.equals(was.serviceAddress(), corrected.serviceAddress()) ? was.inServiceArea() : null;
        leads.replaceDetails(tenant, leadId, new LeadDetails(blankToNull(corrected.callerName()),
                blankToNull(corrected.serviceAddress()), inArea, blankToNull(corrected.problem()),
                blankToNull(corrected.trade()), corrected.urgency()));
        journal.record(tenant, leadId, LeadJournal.Kind.CORRECTION, actor, String.join("; ", changes));
        return true;
    }

    private static void change(List<String> changes, String field, @Nullable String was, @Nullable String now) {
        if (!Objects.equals(blankToNull(was), blankToNull(now))) {
            changes.add(field + " " + (blankToNull(was) == null ? "(none)" : "\"" + was + "\"") + " → "
                    + (blankToNull(now) == null ? "(none)" : "\"" + now + "\""));
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static @Nullable String lower(@Nullable Urgency urgency) {
        return urgency == null ? null : urgency.name().toLowerCase();
    }
}
