package io.redial.crm.servicetitan;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code REDIAL_CRM_SERVICETITAN_*}: our app key (one for every tenant and both environments), where
 * ServiceTitan lives (production by default; {@code https://auth-integration.servicetitan.io} and
 * {@code https://api-integration.servicetitan.io} for the integration environment, fakes in tests), and
 * the request budget per tenant: 60 per second is the published default, so it is configurable.
 */
@ConfigurationProperties("redial.crm.servicetitan")
public record ServiceTitanProperties(@Nullable String appKey,
        @DefaultValue("https://auth.servicetitan.io") String authBaseUrl,
        @DefaultValue("https://api.servicetitan.io") String apiBaseUrl,
        @DefaultValue("60") int requestsPerSecond,
        @DefaultValue("Redial") String bookingSource,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout) {

    @Override
    public String toString() {
        return "ServiceTitanProperties[authBaseUrl=" + authBaseUrl + ", apiBaseUrl=" + apiBaseUrl
                + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
}
