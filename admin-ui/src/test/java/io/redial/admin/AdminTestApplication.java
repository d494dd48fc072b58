package io.redial.admin;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Boots core plus the console for view tests; a test's own {@code @TestConfiguration} reaches only that test. */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "io.redial")
@ComponentScan(basePackages = "io.redial", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.redial\\.testing\\..*"),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class AdminTestApplication {
}
