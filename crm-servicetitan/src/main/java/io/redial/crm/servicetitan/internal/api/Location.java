package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/** A service location of a customer (where technicians go). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Location(long id, long customerId, String name, @Nullable Address address, boolean active) {
}
