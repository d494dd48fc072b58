package io.redial.crm.hubspot;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Installs HubSpot when its OAuth client is configured ({@code REDIAL_CRM_HUBSPOT_CLIENT_ID}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "redial.crm.hubspot", name = "client-id")
@EnableConfigurationProperties(HubSpotProperties.class)
public class HubSpotAutoConfiguration {

    @Bean
    HubSpotCrmProvider hubSpotCrmProvider(HubSpotProperties properties, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        return new HubSpotCrmProvider(properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
