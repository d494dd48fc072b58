package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** A note as ServiceTitan answers it; job notes come back without an id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Note(@Nullable Long id, String text) {
}
