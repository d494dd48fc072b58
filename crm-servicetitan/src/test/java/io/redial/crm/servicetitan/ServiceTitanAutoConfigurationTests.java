package io.redial.crm.servicetitan;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmProvider;
import io.redial.crm.CrmRateLimit;
import io.redial.crm.CrmThrottle;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The provider is installed only when our ServiceTitan app key is configured; environments are chosen by URL. */
class ServiceTitanAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceTitanAutoConfiguration.class));

    @Test
    void noAppKeyNoProvider() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CrmProvider.class));
    }

    @Test
    void anAppKeyInstallsTheProviderForProductionWithTheDefaultBudget() {
        runner.withPropertyValues("redial.crm.servicetitan.app-key=ak1.x").run(context -> {
            assertThat(context.getBean(CrmProvider.class).id()).isEqualTo(ServiceTitanCrmProvider.ID);
            ServiceTitanProperties properties = context.getBean(ServiceTitanProperties.class);
            assertThat(properties.authBaseUrl()).isEqualTo("https://auth.servicetitan.io");
            assertThat(properties.apiBaseUrl()).isEqualTo("https://api.servicetitan.io");
            assertThat(properties.toString()).doesNotContain("ak1.x");
            assertThat(context.getBean(CrmProvider.class).rateLimits())
                    .containsExactly(Map.entry(CrmThrottle.DEFAULT, new CrmRateLimit(60, Duration.ofSeconds(1))));
        });
    }

    @Test
    void theEnvironmentNamesChooseTheIntegrationEnvironmentAndTheBudget() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("REDIAL_CRM_SERVICETITAN_APP_KEY", "ak1.from-env",
                                        "REDIAL_CRM_SERVICETITAN_AUTH_BASE_URL", "https://auth-integration.servicetitan.io",
                                        "REDIAL_CRM_SERVICETITAN_API_BASE_URL", "https://api-integration.servicetitan.io",
                                        "REDIAL_CRM_SERVICETITAN_REQUESTS_PER_SECOND", "40"))))
                .run(context -> {
                    ServiceTitanProperties p = context.getBean(ServiceTitanProperties.class);
                    assertThat(p.appKey()).isEqualTo("ak1.from-env");
                    assertThat(p.authBaseUrl()).isEqualTo("https://auth-integration.servicetitan.io");
                    assertThat(p.apiBaseUrl()).isEqualTo("https://api-integration.servicetitan.io");
                    assertThat(context.getBean(CrmProvider.class).rateLimits().get(CrmThrottle.DEFAULT).requests()).isEqualTo(40);
                });
    }
}
