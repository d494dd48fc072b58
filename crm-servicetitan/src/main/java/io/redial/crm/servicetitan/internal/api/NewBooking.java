package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code CreateBookingRequest}; source, name, summary, isFirstTimeClient and externalId are required. The
 * external id is our lead id, so a retry finds the booking instead of making a second one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewBooking(String source, String name, @Nullable Address address, List<ContactMethod> contacts,
        String summary, @JsonProperty("isFirstTimeClient") boolean isFirstTimeClient, String externalId,
        @Nullable String priority, @Nullable Long businessUnitId, @Nullable Long jobTypeId, @Nullable Long campaignId) {
}
