package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** {@code UpdateBookingRequest}: every field optional and none nullable, so unset ones are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingUpdate(@Nullable String name, @Nullable Address address, @Nullable String summary,
        @Nullable String priority, @Nullable Long businessUnitId, @Nullable Long jobTypeId, @Nullable Long campaignId) {

    public static BookingUpdate summary(String summary) {
        return new BookingUpdate(null, null, summary, null, null, null, null);
    }
}
