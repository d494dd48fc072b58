package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** {@code JobResponse}, as far as the adapter reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Job(long id, String jobNumber, @Nullable Long bookingId, String priority) {
}
