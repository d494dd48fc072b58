package io.redial.crm.jobber;

import io.redial.crm.jobber.internal.webhook.JobberHmac;
import java.util.Objects;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/** Installs Jobber when its OAuth client is configured ({@code REDIAL_CRM_JOBBER_CLIENT_ID}). */
@AutoConfiguration
@ConditionalOnProperty(prefix = "redial.crm.jobber", name = "client-id")
@EnableConfigurationProperties(JobberProperties.class)
public class JobberAutoConfiguration {

    @Bean
    JobberCrmProvider jobberCrmProvider(JobberProperties properties) {
        return new JobberCrmProvider(properties);
    }

    @Bean
    JobberWebhookController jobberWebhookController(JobberProperties properties, ApplicationEventPublisher events) {
        return new JobberWebhookController(new JobberHmac(Objects.requireNonNull(properties.clientSecret())), events);
    }
}
