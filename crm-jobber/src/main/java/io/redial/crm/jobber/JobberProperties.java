package io.redial.crm.jobber;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code REDIAL_CRM_JOBBER_*}: the app's OAuth client, where Jobber lives (fakes in tests) and the one GraphQL
 * version every request pins. {@code authBaseUrl} serves the browser's consent page, {@code apiBaseUrl} the
 * token endpoint and GraphQL, {@code webBaseUrl} the office's own Jobber pages the console links to.
 */
@ConfigurationProperties("redial.crm.jobber")
public record JobberProperties(@Nullable String clientId, @Nullable String clientSecret,
        @DefaultValue("https://api.getjobber.com") String apiBaseUrl,
        @DefaultValue("https://api.getjobber.com") String authBaseUrl,
        @DefaultValue("https://secure.getjobber.com") String webBaseUrl,
        @DefaultValue("2025-04-16") String graphqlVersion,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout) {

    @Override
    public String toString() {
        return "JobberProperties[clientId=" + clientId + ", apiBaseUrl=" + apiBaseUrl + ", graphqlVersion=" + graphqlVersion + "]";
    }
}
