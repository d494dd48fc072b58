package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** Any CRM object as HubSpot returns it; property values are strings or null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HubSpotObject(String id, Map<String, String> properties) {
}
