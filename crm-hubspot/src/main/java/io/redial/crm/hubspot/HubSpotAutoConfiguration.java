package io.redial.crm.hubspot;

import io.redial.crm.hubspot.internal.webhook.SignatureV3;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** Installs HubSpot when its OAuth client is configured ({@code REDIAL_CRM_HUBSPOT_CLIENT_ID}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "redial.crm.hubspot", name = "client-id")
@EnableConfigurationProperties(HubSpotProperties.class)
public class HubSpotAutoConfiguration {

    @Bean
    HubSpotCrmProvider hubSpotCrmProvider(HubSpotProperties properties, ObjectProvider<Clock> clock) {
        return new HubSpotCrmProvider(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    HubSpotWebhookController hubSpotWebhookController(HubSpotProperties properties, ApplicationEventPublisher events,
            ObjectProvider<Clock> clock, @Value("${redial.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        return new HubSpotWebhookController(new SignatureV3(properties.clientSecret(), clock.getIfAvailable(Clock::systemUTC)),
                events, publicBaseUrl);
    }
}
