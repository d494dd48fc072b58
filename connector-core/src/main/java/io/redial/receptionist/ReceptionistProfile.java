package io.redial.receptionist;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What Anna needs to know about a tenant: who it is, what it charges, where it works, whom it pages. */
public record ReceptionistProfile(TenantId tenant, String businessName, ZoneId zone, List<String> trades,
        Map<String, BigDecimal> prices, ServiceArea serviceArea, List<PhoneNumber> onCall, int onCallAckMinutes,
        ReceptionistSettings settings) {
}
