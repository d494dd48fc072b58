package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code JobCreateRequest}: customer, location, business unit, job type, priority, campaign and appointments
 * are required; {@code bookingId} ties the job to the booking the lead made.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewJob(long customerId, long locationId, long businessUnitId, long jobTypeId, String priority,
        long campaignId, List<Appointment> appointments, @Nullable String summary, @Nullable Long bookingId) {

    /** {@code AppointmentInformation}, in UTC; the arrival window is the slot the caller agreed to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Appointment(Instant start, Instant end, @Nullable Instant arrivalWindowStart,
            @Nullable Instant arrivalWindowEnd) {
    }
}
