package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.shared.Telemetry;
import io.redial.tenants.Tenant;
import io.redial.tenants.TenantPolicy;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Reasons not to text a missed caller. Each is stored; the call still becomes a visible lead. */
@Component
class Suppression {

    /** What the caller's row says, read together with the row's lock (see {@link TextBackDecision}). */
    record CallerFacts(boolean optedOut, boolean notTextable, boolean blocked) {
    }

    Optional<String> reasonNotToText(Tenant tenant, TenantPolicy policy, PhoneNumber caller, CallerFacts facts,
            @Nullable String stirVerstat) {
        if (caller.hidden()) {
            return suppressed("hidden", "the caller withheld their number: it cannot be texted (or called) back");
        }
        if (facts.optedOut()) {
            return suppressed("opted-out", "the caller opted out of texts");
        }
        if (tenant.staff().contains(caller) || tenant.onCall().contains(caller)) {
            return suppressed("staff", "the caller is one of the business's own staff or on-call numbers");
        }
        if (facts.blocked()) {
            return suppressed("blocked", "the number is on the business's blocklist");
        }
        if (policy.rejectFailedCallerId() && stirVerstat != null && stirVerstat.contains("Failed")) {
            return suppressed("failed-attestation", "caller ID failed attestation (" + stirVerstat + "): likely spoofed");
        }
        if (facts.notTextable()) {
            return suppressed("not-textable", "the number cannot take texts (a landline, or the carrier refused texts to it before)");
        }
        if (!policy.servedCountries().contains(caller.region())) {
            return suppressed("outside-countries", "calls from " + caller.region() + " are outside the countries the business serves");
        }
        return Optional.empty();
    }

    private static Optional<String> suppressed(String key, String reason) {
        Telemetry.textBackSuppressed(key);
        return Optional.of(reason);
    }
}
