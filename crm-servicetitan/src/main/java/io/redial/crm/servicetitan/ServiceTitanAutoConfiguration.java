package io.redial.crm.servicetitan;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Installs ServiceTitan when our app key is configured ({@code REDIAL_CRM_SERVICETITAN_APP_KEY}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "redial.crm.servicetitan", name = "app-key")
@EnableConfigurationProperties(ServiceTitanProperties.class)
public class ServiceTitanAutoConfiguration {

    @Bean
    ServiceTitanCrmProvider serviceTitanCrmProvider(ServiceTitanProperties properties, ObjectProvider<Clock> clock) {
        return new ServiceTitanCrmProvider(properties, clock.getIfAvailable(Clock::systemUTC));
    }
}
