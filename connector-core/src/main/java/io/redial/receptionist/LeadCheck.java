package io.redial.receptionist;

import io.redial.receptionist.reading.Language;
import io.redial.receptionist.triage.TriageRule;

import io.redial.leads.LeadDetails;
import io.redial.leads.Urgency;
import io.redial.shared.geo.GeoPoint;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Validates what a receptionist says it learned; the service area, trade and urgency are decided here. */
final class LeadCheck {

    private static final Set<String> TRADES = Set.of("hvac", "plumbing", "roofing", "electrical");
    /** A ZIP named without a street: "she's up in 75214", "vivo en Pflugerville 78660". */
    private static final Pattern NAMED_ZIP = Pattern.compile("(?<![a-z0-9])(?:in|en|zip|zip code|zipcode|codigo postal|tx|texas)"
            + "(?:\\s+[a-z]+){0,2}\\s*,?\\s*(\\d{5})(?!\\d)(?!\\s*(?:dollars|bucks|btu|sq|square|ft|feet|miles|lbs))");

    private LeadCheck() {
    }

    /** @param located where the address lies, when the tenant's area needed it and it could be found */
    static LeadDetails validated(LeadDetails proposed, TurnContext ctx, @Nullable TriageRule rule,
            @Nullable GeoPoint located) {
        String address = serviceAddress(proposed);
        String known = address != null ? address : ctx.known().serviceAddress();
        Boolean inArea = known != null ? ctx.profile().serviceArea().covers(known, located) : null;
        if (inArea == null) {
            inArea = outsideByZip(ctx);
        }
        String problem = clean(proposed.problem(), 500);
        return new LeadDetails(clean(proposed.callerName(), 100), address, inArea, problem,
                trade(proposed.trade(), ctx, rule), urgency(ctx, rule, problem));
    }

    /**
     * A ZIP the caller named apart from the street, or with no street yet, that the tenant's ZIP list leaves out is
     * enough to say so now, instead of asking a name and an address first; never "in" on a ZIP alone (a radius
     * needs the street).
     */
    private static @Nullable Boolean outsideByZip(TurnContext ctx) {
        Matcher m = NAMED_ZIP.matcher(Language.plain(ctx.callerText()));
        return m.find() && Boolean.FALSE.equals(ctx.profile().serviceArea().coversZip(m.group(1))) ? Boolean.FALSE : null;
    }

    /** The address a proposal carries, cleaned as it will be stored. */
    static @Nullable String serviceAddress(LeadDetails proposed) {
        return clean(proposed.serviceAddress(), 300);
    }

    private static @Nullable String trade(@Nullable String proposed, TurnContext ctx, @Nullable TriageRule rule) {
        if (rule != null) {
            return rule.trade();
        }
        if (proposed == null || !TRADES.contains(proposed.toLowerCase())) {
            return null;
        }
        var trades = ctx.profile().trades();
        return trades.isEmpty() || trades.contains(proposed.toLowerCase()) ? proposed.toLowerCase() : null;
    }

    /** A rule's urgency, never lowering what is known; else routine once there is a problem. */
    private static @Nullable Urgency urgency(TurnContext ctx, @Nullable TriageRule rule, @Nullable String problem) {
        Urgency current = ctx.known().urgency();
        if (rule != null) {
            return current == null || rule.urgency().compareTo(current) < 0 ? rule.urgency() : null;
        }
        return current == null && (problem != null || ctx.known().problem() != null) ? Urgency.ROUTINE : null;
    }

    private static @Nullable String clean(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String v = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (v.isEmpty()) {
            return null;
        }
        return v.length() > max ? v.substring(0, max) : v;
    }
}
