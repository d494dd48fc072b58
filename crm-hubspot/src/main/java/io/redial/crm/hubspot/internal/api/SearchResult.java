package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of search results; {@code paging.next.after} names the next page when there is one. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResult(int total, List<HubSpotObject> results, @Nullable Paging paging) {

    public SearchResult(int total, List<HubSpotObject> results) {
        this(total, results, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paging(@Nullable Next next) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Next(@Nullable String after) {
    }

    public @Nullable String nextAfter() {
        return paging == null || paging.next() == null ? null : paging.next().after();
    }
}
