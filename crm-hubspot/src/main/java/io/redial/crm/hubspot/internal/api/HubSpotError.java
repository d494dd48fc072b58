package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * HubSpot's error body. Every field is read as optional: the spec requires category, correlationId and
 * message, but 429s carry errorType and policyName instead.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HubSpotError(@Nullable String status, @Nullable String message, @Nullable String category,
        @Nullable String subCategory, @Nullable String correlationId, @Nullable String errorType,
        @Nullable String policyName) {
}
