package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A business unit, job type or campaign, as the mapping table offers them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Named(long id, String name, boolean active) {
}
