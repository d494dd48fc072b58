package io.redial.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Boots connector-core alone for its integration tests (the runnable app lives in deploy). Like
 * {@code @SpringBootApplication}, the scan leaves out each test's own {@code @TestConfiguration}: a test's fakes
 * reach only the tests that import them.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.redial",
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
public class CoreTestApplication {
}
