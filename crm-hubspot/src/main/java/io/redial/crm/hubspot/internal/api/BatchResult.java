package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A batch answer (200, 201 or 207 multi-status): the inputs written, and errors for those that were not. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BatchResult(String status, List<Written> results, @Nullable List<InputError> errors) {

    /** {@code url}: as in {@link HubSpotObject}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Written(String id, @Nullable String objectWriteTraceId, @Nullable Map<String, String> properties,
            @Nullable String url) {
    }

    /** HubSpot's StandardError; {@code context} names the inputs it concerns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InputError(@Nullable String status, @Nullable String category, @Nullable String message,
            @Nullable Map<String, List<String>> context) {
    }

    public List<InputError> errorsOrEmpty() {
        return errors == null ? List.of() : errors;
    }
}
