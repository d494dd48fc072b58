package io.redial.testing;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context its own schema on the {@link TestDatabase} server and drops it when
 * the context closes, so test runs never see each other's rows.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
        return new OwnSchema();
    }

    private static final class OwnSchema implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var environment = context.getEnvironment();
            if (environment.containsProperty("spring.datasource.url")) {
                return; // the test brought its own database
            }
            TestDatabase.Server server = TestDatabase.server();
            String schema = TestDatabase.createSchema();
            environment.getPropertySources().addFirst(new MapPropertySource("redial-test-database", Map.of(
                    "spring.datasource.url", server.urlFor(schema),
                    "spring.datasource.username", server.user(),
                    "spring.datasource.password", server.password(),
                    // Spring keeps many test contexts open at once: each holds a connection or two while idle, not a
                    // full pool, so a run stays under the server's connection limit (151 by default).
                    "spring.datasource.hikari.minimum-idle", "1",
                    "spring.datasource.hikari.maximum-pool-size", "12",
                    "spring.datasource.hikari.idle-timeout", "10000")));
            // Registered first, so destroyed last: after the scheduler and the pool have stopped.
            ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean(
                    "redialTestSchemaDropper", () -> TestDatabase.dropSchema(schema));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OwnSchema;
        }

        @Override
        public int hashCode() {
            return OwnSchema.class.hashCode();
        }
    }
}
