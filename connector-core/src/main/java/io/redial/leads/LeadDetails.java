package io.redial.leads;

import org.jspecify.annotations.Nullable;

/** What a conversation collects. Null means "not known yet"; merging never erases a known value. */
public record LeadDetails(@Nullable String callerName, @Nullable String serviceAddress,
        @Nullable Boolean inServiceArea, @Nullable String problem, @Nullable String trade,
        @Nullable Urgency urgency) {

    public static final LeadDetails NONE = new LeadDetails(null, null, null, null, null, null);

    /** This, with every value {@code newer} knows taking precedence. */
    public LeadDetails mergedWith(LeadDetails newer) {
        return new LeadDetails(
                newer.callerName != null ? newer.callerName : callerName,
                newer.serviceAddress != null ? newer.serviceAddress : serviceAddress,
                newer.inServiceArea != null ? newer.inServiceArea : inServiceArea,
                newer.problem != null ? newer.problem : problem,
                newer.trade != null ? newer.trade : trade,
                newer.urgency != null ? newer.urgency : urgency);
    }
}
