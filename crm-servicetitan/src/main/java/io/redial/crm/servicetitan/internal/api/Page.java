package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** ServiceTitan's {@code PaginatedResponse_Of_*}: one page of a list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(int page, int pageSize, boolean hasMore, List<T> data) {
}
