package io.redial.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The provider is installed only when HubSpot's OAuth client is configured. */
class HubSpotAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HubSpotAutoConfiguration.class));

    @Test
    void noClientIdNoProvider() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CrmProvider.class));
    }

    @Test
    void aConfiguredClientInstallsTheProviderWithItsUrls() {
        runner.withPropertyValues("redial.crm.hubspot.client-id=abc", "redial.crm.hubspot.client-secret=shh",
                        "redial.crm.hubspot.api-base-url=http://127.0.0.1:9")
                .run(context -> {
                    assertThat(context).hasSingleBean(HubSpotCrmProvider.class);
                    assertThat(context.getBean(CrmProvider.class).id()).isEqualTo(HubSpotCrmProvider.ID);
                    assertThat(context.getBean(HubSpotProperties.class).apiBaseUrl()).isEqualTo("http://127.0.0.1:9");
                    assertThat(context.getBean(HubSpotProperties.class).authBaseUrl()).isEqualTo("https://app.hubspot.com");
                });
    }

    @Test
    void theEnvironmentNamesOfTheConfigurationContractBind() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("REDIAL_CRM_HUBSPOT_CLIENT_ID", "from-env", "REDIAL_CRM_HUBSPOT_CLIENT_SECRET", "shh",
                                        "REDIAL_CRM_HUBSPOT_AUTH_BASE_URL", "http://auth.example"))))
                .run(context -> assertThat(context.getBean(HubSpotProperties.class))
                        .satisfies(p -> {
                            assertThat(p.clientId()).isEqualTo("from-env");
                            assertThat(p.authBaseUrl()).isEqualTo("http://auth.example");
                        }));
    }

    @Test
    void aClientIdWithoutSecretFailsAtStartRatherThanAtTheFirstInstall() {
        runner.withPropertyValues("redial.crm.hubspot.client-id=abc")
                .run(context -> assertThat(context).hasFailed());
    }
}
