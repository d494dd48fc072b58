package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer as ServiceTitan answers it; {@code locations} only come back from a create. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Customer(long id, String name, boolean active, @Nullable String type, @Nullable List<Location> locations) {
}
