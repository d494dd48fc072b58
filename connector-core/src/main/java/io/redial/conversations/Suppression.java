package io.redial.conversations;

import io.redial.shared.PhoneNumber;
import io.redial.tenants.Tenant;
import io.redial.tenants.TenantPolicy;
import io.redial.tenants.Tenants;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reasons not to text a missed caller. Each is stored; the call still becomes a visible lead. */
@Component
class Suppression {

    private final JdbcClient jdbc;
    private final Tenants tenants;

    Suppression(JdbcClient jdbc, Tenants tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    Optional<String> reasonNotToText(Tenant tenant, TenantPolicy policy, long callerId, PhoneNumber caller,
            @Nullable String stirVerstat) {
        var flags = jdbc.sql("SELECT opted_out_at IS NOT NULL AS opted_out, sms_capable FROM callers WHERE id = ? AND tenant_id = ?")
                .params(callerId, tenant.id().value())
                .query((rs, n) -> new boolean[] {rs.getBoolean(1), rs.getObject(2) != null && !rs.getBoolean(2)})
                .single();
        if (flags[0]) {
            return Optional.of("the caller opted out of texts");
        }
        if (tenant.staff().contains(caller) || tenant.onCall().contains(caller)) {
            return Optional.of("the caller is one of the business's own staff or on-call numbers");
        }
        if (tenants.blocked(tenant.id(), caller)) {
            return Optional.of("the number is on the business's blocklist");
        }
        if (policy.rejectFailedCallerId() && stirVerstat != null && stirVerstat.contains("Failed")) {
            return Optional.of("caller ID failed attestation (" + stirVerstat + "): likely spoofed");
        }
        if (flags[1]) {
            return Optional.of("the number cannot take texts (a landline, or the carrier refused texts to it before)");
        }
        if (!policy.servedCountries().contains(caller.region())) {
            return Optional.of("calls from " + caller.region() + " are outside the countries the business serves");
        }
        return Optional.empty();
    }
}
