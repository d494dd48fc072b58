package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of search results. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchResult(int total, List<HubSpotObject> results) {
}
