package io.redial.tenants;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.time.ZoneId;
import java.util.List;

/** A contractor using Redial. */
public record Tenant(TenantId id, String name, ZoneId zone, List<String> trades, List<PhoneNumber> staff,
        List<PhoneNumber> onCall) {
}
