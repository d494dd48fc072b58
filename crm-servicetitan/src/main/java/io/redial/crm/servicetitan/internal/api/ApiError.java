package io.redial.crm.servicetitan.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code ApiErrorResponse} (RFC 7807): {@code errors} maps a field to its messages. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(@Nullable String type, @Nullable String title, @Nullable Integer status, @Nullable String traceId,
        @Nullable Map<String, List<String>> errors) {
}
