package io.redial.app;

import com.zaxxer.hikari.HikariDataSource;
import io.redial.shared.embedded.EmbeddedMariaDb;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The first-run default: with no {@code SPRING_DATASOURCE_URL}, Redial starts a real MariaDB from a Maven
 * package, keeping its data under {@code REDIAL_DATA_DIR} (default {@code ~/.redial}) so it survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedMariaDb embeddedMariaDb(@Value("${redial.data-dir:${user.home}/.redial}") String dataDir) {
        Path root = Path.of(dataDir).toAbsolutePath();
        log.info("no SPRING_DATASOURCE_URL: starting the embedded MariaDB with its data in {}", root.resolve("mariadb"));
        return EmbeddedMariaDb.startPersistent(root.resolve("mariadb"), root.resolve("mariadb-server"));
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.jdbcUrl("redial"));
        pool.setUsername("root");
        pool.setPassword("");
        pool.setMaximumPoolSize(20);
        return pool;
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }
}
