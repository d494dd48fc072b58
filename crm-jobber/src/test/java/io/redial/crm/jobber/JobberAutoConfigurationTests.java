package io.redial.crm.jobber;

import static org.assertj.core.api.Assertions.assertThat;

import io.redial.crm.CrmProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The provider is installed only when Jobber's OAuth client is configured, with the pinned GraphQL version. */
class JobberAutoConfigurationTests {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JobberAutoConfiguration.class));

    @Test
    void noClientIdNoProvider() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CrmProvider.class));
    }

    @Test
    void aConfiguredClientInstallsTheProviderPinnedToTheNewestConfirmedVersion() {
        runner.withPropertyValues("redial.crm.jobber.client-id=abc", "redial.crm.jobber.client-secret=shh")
                .run(context -> {
                    assertThat(context).hasSingleBean(JobberCrmProvider.class);
                    assertThat(context.getBean(CrmProvider.class).id()).isEqualTo(JobberCrmProvider.ID);
                    JobberProperties properties = context.getBean(JobberProperties.class);
                    assertThat(properties.graphqlVersion()).isEqualTo("2025-04-16");
                    assertThat(properties.apiBaseUrl()).isEqualTo("https://api.getjobber.com");
                    assertThat(context.getBean(JobberCrmProvider.class).clientRegistration().getProviderDetails().getTokenUri())
                            .isEqualTo("https://api.getjobber.com/api/oauth/token");
                });
    }

    @Test
    void theEnvironmentNamesOfTheConfigurationContractBind() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("REDIAL_CRM_JOBBER_CLIENT_ID", "from-env", "REDIAL_CRM_JOBBER_CLIENT_SECRET", "shh",
                                        "REDIAL_CRM_JOBBER_API_BASE_URL", "http://api.example",
                                        "REDIAL_CRM_JOBBER_AUTH_BASE_URL", "http://auth.example",
                                        "REDIAL_CRM_JOBBER_GRAPHQL_VERSION", "2025-01-20"))))
                .run(context -> assertThat(context.getBean(JobberProperties.class)).satisfies(p -> {
                    assertThat(p.clientId()).isEqualTo("from-env");
                    assertThat(p.apiBaseUrl()).isEqualTo("http://api.example");
                    assertThat(p.authBaseUrl()).isEqualTo("http://auth.example");
                    assertThat(p.graphqlVersion()).isEqualTo("2025-01-20");
                }));
    }

    @Test
    void aClientIdWithoutSecretFailsAtStartRatherThanAtTheFirstInstall() {
        runner.withPropertyValues("redial.crm.jobber.client-id=abc").run(context -> assertThat(context).hasFailed());
    }
}
