package io.redial.crm.hubspot.internal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any CRM object as HubSpot returns it; property values are strings or null. {@code url}: the spec's optional
 * link to the object's page in HubSpot's app (SimplePublicObject, SimplePublicUpsertObject …), unchecked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HubSpotObject(String id, Map<String, String> properties, @Nullable String url) {

    public HubSpotObject(String id, Map<String, String> properties) {
        this(id, properties, null);
    }
}
