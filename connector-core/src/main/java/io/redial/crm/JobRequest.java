package io.redial.crm;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A job booked in a confirmed window; adapters make it the CRM's job, deal, request or task. */
public record JobRequest(long leadId, Instant start, Instant end, String summary, @Nullable String serviceAddress,
        URI link) {
}
