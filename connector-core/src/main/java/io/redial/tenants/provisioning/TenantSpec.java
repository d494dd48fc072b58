package io.redial.tenants.provisioning;

import io.redial.shared.PhoneNumber;
import io.redial.shared.TenantId;
import io.redial.shared.geo.ServiceRadius;
import io.redial.tenants.CallPattern;
import io.redial.tenants.WeeklyHours;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One tenant as a provisioning file describes it. */
public record TenantSpec(TenantId id, String name, ZoneId zone, List<String> trades,
        List<WeeklyHours.Interval> hours, List<LocalDate> holidays, List<String> serviceAreaZips,
        @Nullable ServiceRadius serviceAreaRadius,
        Map<String, BigDecimal> prices, List<PhoneNumber> onCall, int onCallAckMinutes, List<PhoneNumber> staff,
        List<LineSpec> lines, Map<String, String> templates, TextBack textBack, List<PhoneNumber> blocklist,
        Map<String, Integer> messagingServicePaces) {

    public record LineSpec(PhoneNumber number, CallPattern pattern, List<PhoneNumber> ring, int ringTimeoutSeconds,
            boolean screening, @Nullable PhoneNumber forwardedFrom, boolean ringInOrder,
            @Nullable String messagingServiceSid, @Nullable Integer sendsPerMinute) {
    }

    /** Optional text-back policy keys; absent keys keep the defaults. */
    public record TextBack(int hangUpThresholdSeconds, int dedupeWindowHours, boolean rejectFailedCallerId,
            List<String> servedCountries, @Nullable String bookingLink, @Nullable String messagingServiceSid,
            int sendsPerMinute, boolean lineTypeLookup) {
    }
}
