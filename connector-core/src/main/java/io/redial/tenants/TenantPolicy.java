package io.redial.tenants;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a tenant wants missed calls handled: when a hang-up is too fast to count, how long repeat calls fold
 * into one conversation, whether failed caller-ID attestation blocks the text, which countries it serves,
 * and how its texts are sent and paced.
 */
public record TenantPolicy(int hangUpThresholdSeconds, Duration dedupeWindow, boolean rejectFailedCallerId,
        Set<String> servedCountries, @Nullable String bookingLink, @Nullable String messagingServiceSid,
        int sendsPerMinute, boolean lineTypeLookup) {
}
