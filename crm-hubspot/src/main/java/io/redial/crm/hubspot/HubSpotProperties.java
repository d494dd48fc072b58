package io.redial.crm.hubspot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code REDIAL_CRM_HUBSPOT_*}: the app's OAuth client, and where HubSpot lives (fakes in tests).
 * {@code authBaseUrl} serves the browser's consent page; the token endpoint is under {@code apiBaseUrl}.
 */
@ConfigurationProperties("redial.crm.hubspot")
public record HubSpotProperties(@Nullable String clientId, @Nullable String clientSecret,
        @DefaultValue("https://api.hubapi.com") String apiBaseUrl,
        @DefaultValue("https://app.hubspot.com") String authBaseUrl,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout) {

    @Override
    public String toString() {
        return "HubSpotProperties[clientId=" + clientId + ", apiBaseUrl=" + apiBaseUrl + ", authBaseUrl=" + authBaseUrl + "]";
    }
}
