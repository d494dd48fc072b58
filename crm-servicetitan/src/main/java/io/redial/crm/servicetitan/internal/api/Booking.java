package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** {@code BookingResponse}: a booking in the CSRs' queue; status is New, Accepted, Converted or Dismissed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Booking(long id, String name, @Nullable String summary, String status, String externalId,
        @Nullable Long jobId, @Nullable String priority, @Nullable Address address, @Nullable Long businessUnitId,
        @Nullable Long jobTypeId, @Nullable Long campaignId) {
}
